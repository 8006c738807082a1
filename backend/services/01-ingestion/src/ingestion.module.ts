import { Module } from '@nestjs/common';
import { SampleFilesReader } from './connectors/sample-files.reader';
import { IngestionService } from './ingestion.service';
import { RawRepository } from './raw/raw.repository';
import { SyncRunsRepository } from './runs/sync-runs.repository';

/** Sources → raw.*. Needs the CoreModule of the process it runs in. */
@Module({
  providers: [SampleFilesReader, RawRepository, SyncRunsRepository, IngestionService],
  exports: [IngestionService],
})
export class IngestionModule {}
