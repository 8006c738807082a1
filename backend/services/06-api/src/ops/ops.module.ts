import { DynamicModule, Module } from '@nestjs/common';
import { EmbedderModule, EmbeddingModule, EmbeddingsRepository } from '@revops/embedding';
import { SyncRunsRepository } from '@revops/ingestion';
import { EmbeddingStateService } from './embedding-state.service';
import { EventPipelineService } from './event-pipeline.service';
import { EventsController } from './events.controller';
import { MeController } from './me.controller';
import { QuarantineController } from './quarantine.controller';
import { QuarantineService } from './quarantine.service';
import { RunsController } from './runs.controller';
import { RunsService } from './runs.service';
import { StatusController } from './status.controller';
import { StatusService } from './status.service';
import {
  INGESTION_SETTINGS,
  readIngestionSettings,
  SyncSchedulesService,
} from './sync-schedules.service';

/**
 * The operations dashboard's read-only routes, for every role: /api/v1/runs, /quarantine,
 * /events, /status and /me. It reads the sync runs and the search documents through their
 * services' repositories (it writes nothing), so the API process serves them alone.
 */
@Module({
  imports: [EmbedderModule],
  controllers: [
    RunsController,
    QuarantineController,
    EventsController,
    StatusController,
    MeController,
  ],
  providers: [
    { provide: INGESTION_SETTINGS, useFactory: () => readIngestionSettings() },
    SyncRunsRepository,
    EmbeddingsRepository,
    RunsService,
    QuarantineService,
    EventPipelineService,
    SyncSchedulesService,
    EmbeddingStateService,
    StatusService,
  ],
})
export class OpsApiModule {
  /**
   * In a process that also runs the embedding worker (the all-in-one): GET /api/v1/status
   * shows its model circuit.
   */
  static withEmbeddingWorker(): DynamicModule {
    return { module: OpsApiModule, imports: [EmbeddingModule] };
  }
}
