import { Injectable } from '@nestjs/common';
import { JobRunsService, masksContacts, pageOf, RUN_KINDS, RunDto, runOfSync } from '@revops/core';
import type { Principal, RunKind, RunPageDto, RunStatus } from '@revops/core';
import { SyncRunsRepository } from '@revops/ingestion';
import { maskRun } from './masked-run';
import { LatestRunDto, LatestRunsDto } from './status.dto';

export interface RunsFilters {
  kind: RunKind;
  name?: string;
  status?: RunStatus;
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/**
 * Runs of every kind in the one run shape. A sync's record is its ops.sync_runs row, read as
 * GET /api/v1/ingestion/runs reads it; the `sync:<source>:<mode>` rows that scheduled syncs
 * also write to ops.job_runs are left out. The other kinds are ops.job_runs rows.
 */
@Injectable()
export class RunsService {
  constructor(
    private readonly syncRuns: SyncRunsRepository,
    private readonly jobRuns: JobRunsService,
  ) {}

  /** Newest first; errors and details masked for a caller who does not see contacts. */
  async list(filters: RunsFilters, principal: Principal | undefined): Promise<RunPageDto> {
    const page = await this.page(filters);
    return masksContacts(principal) ? { ...page, items: page.items.map(maskRun) } : page;
  }

  /** Each kind's newest run, or null. */
  async latest(): Promise<LatestRunsDto> {
    const latest: Partial<LatestRunsDto> = {};
    // One after the other: the embedded database has one connection.
    for (const kind of RUN_KINDS) {
      const [run] = (await this.page({ kind, limit: 1 })).items;
      latest[kind] = run ? toLatestRun(run) : null;
    }
    return latest as LatestRunsDto;
  }

  private async page(filters: RunsFilters): Promise<RunPageDto> {
    const { kind, name, status, limit, cursor } = filters;
    const page = { status, limit: limit + 1, before: cursor };
    const rows: RunDto[] =
      kind === 'sync'
        ? (await this.syncRuns.list({ ...page, source: name })).map(runOfSync)
        : await this.jobRuns.list({ ...page, kind, name });
    return pageOf(rows, limit, (last) => last.id);
  }
}

function toLatestRun(run: RunDto): LatestRunDto {
  const { id, name, status, startedAt, finishedAt } = run;
  return { id, name, status, startedAt, finishedAt };
}
