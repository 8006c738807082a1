import { Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import { EmbeddingModule } from './embedding.module';

@Module({ imports: [CoreModule.forRoot('embedding'), EmbeddingModule] })
export class EmbeddingAppModule {}
