import { Module } from '@nestjs/common';
import { loadConfig } from '@revops/core';
import { ConnectorFactory } from './connectors/connector.factory';
import { SampleFilesReader } from './connectors/sample-files.reader';
import { IngestionController } from './http/ingestion.controller';
import { IngestionConfig } from './ingestion.config';
import { IngestionService } from './ingestion.service';
import { OdooExternalIdsRepository } from './sync/odoo-external-ids.repository';
import { RawRepository } from './raw/raw.repository';
import { SyncRunsRepository } from './runs/sync-runs.repository';
import { RawBatchWriter } from './sync/raw-batch-writer';
import { SyncCursorsRepository } from './sync/sync-cursors.repository';
import { SyncEngine } from './sync/sync-engine.service';
import { SourceVerifier } from './sync/source-verifier';

/** Sources → raw.*. Needs the CoreModule of the process it runs in. */
@Module({
  controllers: [IngestionController],
  providers: [
    { provide: IngestionConfig, useFactory: () => loadConfig(IngestionConfig) },
    ConnectorFactory,
    SampleFilesReader,
    RawRepository,
    OdooExternalIdsRepository,
    SyncRunsRepository,
    SyncCursorsRepository,
    RawBatchWriter,
    SyncEngine,
    SourceVerifier,
    IngestionService,
  ],
  exports: [IngestionService, IngestionConfig],
})
export class IngestionModule {}
