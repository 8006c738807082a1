import { Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import { EmbeddingModule } from '@revops/embedding';
import { IngestionSchedulesModule } from '@revops/ingestion';
import { MatchingModule } from '@revops/matching';
import { TransformationModule } from '@revops/transformation';
import { ValidationModule } from '@revops/validation';
import { KeysModule } from '../keys/keys.module';
import { OpsApiModule } from '../ops/ops.module';
import { SearchModule } from '../search/search.module';

/** The six services in one process on one database: the embedded, one-command setup. */
@Module({
  imports: [
    CoreModule.forRoot('all-in-one'),
    IngestionSchedulesModule,
    TransformationModule,
    ValidationModule,
    EmbeddingModule,
    MatchingModule,
    SearchModule,
    KeysModule,
    OpsApiModule.withEmbeddingWorker(),
  ],
})
export class AllInOneModule {}
