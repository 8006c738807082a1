import { Injectable } from '@nestjs/common';
import { EmbeddingStateService } from './embedding-state.service';
import { RunsService } from './runs.service';
import { StatusDto } from './status.dto';
import { SyncSchedulesService } from './sync-schedules.service';

/** GET /api/v1/status: schedules, embedding, each kind's newest run. */
@Injectable()
export class StatusService {
  constructor(
    private readonly schedules: SyncSchedulesService,
    private readonly embedding: EmbeddingStateService,
    private readonly runs: RunsService,
  ) {}

  async status(): Promise<StatusDto> {
    return {
      schedules: this.schedules.state(new Date()),
      embedding: await this.embedding.state(),
      latestRuns: await this.runs.latest(),
    };
  }
}
