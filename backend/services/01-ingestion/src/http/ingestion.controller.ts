import { Body, Controller, Get, HttpCode, Logger, Param, Post, Query } from '@nestjs/common';
import { actorOf, CurrentPrincipal, NoQueryParameters, pageOf, Roles } from '@revops/core';
import type { Page, Principal } from '@revops/core';
import { SyncRunEntity } from '@revops/models';
import { IngestionService } from '../ingestion.service';
import { ListRunsQuery, SyncRequestDto, SyncRunParams, SyncSourceParams } from './sync-request.dto';

@Controller('ingestion')
export class IngestionController {
  private readonly logger = new Logger(IngestionController.name);

  constructor(private readonly ingestion: IngestionService) {}

  /** 202 with the run id; follow it at GET /api/v1/ingestion/runs/{id}. 409 while one runs. */
  @Post(':source/sync')
  @HttpCode(202)
  @Roles('engineer')
  async sync(
    @Param() { source }: SyncSourceParams,
    @Body() body: SyncRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ syncRunId: string; status: 'running'; links: { run: string } }> {
    const { syncRunId, done } = await this.ingestion.startSync(source, {
      mode: body.mode,
      since: body.since,
      triggeredBy: actorOf(principal),
    });
    // The outcome is in the run record; a failure is logged there and here, never lost.
    done.catch((error: unknown) =>
      this.logger.error({ msg: 'Requested sync failed', syncRunId, error: String(error) }),
    );
    return { syncRunId, status: 'running', links: { run: `/api/v1/ingestion/runs/${syncRunId}` } };
  }

  @Get('runs')
  async runs(@Query() query: ListRunsQuery): Promise<Page<SyncRunEntity>> {
    const rows = await this.ingestion.listRuns(query.limit + 1, query.cursor);
    return pageOf(rows, query.limit, (last) => last.id);
  }

  @Get('runs/:id')
  run(@Param() { id }: SyncRunParams, @Query() _query: NoQueryParameters): Promise<SyncRunEntity> {
    return this.ingestion.getRun(id);
  }
}
