import { Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import { IngestionModule } from './ingestion.module';

@Module({ imports: [CoreModule.forRoot('ingestion'), IngestionModule] })
export class IngestionAppModule {}
