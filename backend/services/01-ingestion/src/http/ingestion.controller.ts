import { Body, Controller, Get, HttpCode, Logger, Param, Post, Query } from '@nestjs/common';
import {
  AcceptedRunDto,
  ConflictWhen,
  acceptedRun,
  actorOf,
  CurrentPrincipal,
  NoQueryParameters,
  pageOf,
  RateLimit,
  Roles,
  RunDto,
  RunPageDto,
} from '@revops/core';
import type { Principal } from '@revops/core';
import { IngestionService } from '../ingestion.service';
import { ListRunsQuery, SyncRequestDto, SyncRunParams, SyncSourceParams } from './sync-request.dto';

@Controller('ingestion')
export class IngestionController {
  private readonly logger = new Logger(IngestionController.name);

  constructor(private readonly ingestion: IngestionService) {}

  /** 202 with the run id; follow it at GET /api/v1/ingestion/runs/{id}. 409 while one runs. */
  @Post(':source/sync')
  @ConflictWhen('A sync of this source is running')
  @HttpCode(202)
  @RateLimit('runs')
  @Roles('engineer')
  async sync(
    @Param() { source }: SyncSourceParams,
    @Body() body: SyncRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AcceptedRunDto> {
    const { syncRunId, done } = await this.ingestion.startSync(source, {
      mode: body.mode,
      since: body.since,
      triggeredBy: actorOf(principal),
    });
    return acceptedRun({ jobRunId: syncRunId, done }, 'sync', '/api/v1/ingestion/runs', this.logger); // prettier-ignore
  }

  /** Sync runs of every source, newest first. */
  @Get('runs')
  async runs(@Query() query: ListRunsQuery): Promise<RunPageDto> {
    const rows = await this.ingestion.listRuns(query.limit + 1, query.cursor);
    return pageOf(rows, query.limit, (last) => last.id);
  }

  /** A sync run: status, timings, row counts, and on failure why. */
  @Get('runs/:id')
  async run(@Param() { id }: SyncRunParams, @Query() _query: NoQueryParameters): Promise<RunDto> {
    return this.ingestion.getRun(id);
  }
}
