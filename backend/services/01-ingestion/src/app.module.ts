import { Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import { IngestionSchedulesModule } from './ingestion-schedules.module';

@Module({ imports: [CoreModule.forRoot('ingestion'), IngestionSchedulesModule] })
export class IngestionAppModule {}
