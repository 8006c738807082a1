import { Injectable } from '@nestjs/common';
import { OutboxRepository, RunMetrics, TOPICS } from '@revops/core';
import { SyncRunEntity, SyncRunStatus } from '@revops/models';
import { DataSource, LessThan, Repository } from 'typeorm';

export interface SyncRunCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
  quarantined: number;
}

export const emptyCounts = (): SyncRunCounts => ({
  read: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  deleted: 0,
  quarantined: 0,
});

@Injectable()
export class SyncRunsRepository {
  private readonly runs: Repository<SyncRunEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly metrics: RunMetrics,
  ) {
    this.runs = dataSource.getRepository(SyncRunEntity);
  }

  /**
   * Runs still marked running when their source's lock is free belong to a process that
   * died (killed, crashed): say so instead of leaving them running forever.
   */
  async abandonStale(source: string): Promise<number> {
    const result = await this.runs.update(
      { source, status: 'running' },
      {
        status: 'failed',
        finishedAt: new Date(),
        error: 'abandoned: the process running this sync stopped before it finished',
      },
    );
    return result.affected ?? 0;
  }

  /**
   * Newest first, optionally of one source and one status; `before` is the last id of the
   * previous page. GET /api/v1/ingestion/runs and GET /api/v1/runs?kind=sync read it.
   */
  list(options: {
    source?: string;
    status?: string;
    limit: number;
    before?: string;
  }): Promise<SyncRunEntity[]> {
    return this.runs.find({
      where: {
        ...(options.before ? { id: LessThan(options.before) } : {}),
        ...(options.source ? { source: options.source } : {}),
        ...(options.status ? { status: options.status as SyncRunStatus } : {}),
      },
      order: { id: 'DESC' },
      take: options.limit,
    });
  }

  async start(source: string, mode: 'incremental' | 'full', details: object): Promise<string> {
    const run = await this.runs.save(
      this.runs.create({
        source,
        mode,
        status: 'running',
        startedAt: new Date(),
        rowsRead: 0,
        rowsInserted: 0,
        rowsUpdated: 0,
        rowsUnchanged: 0,
        rowsDeleted: 0,
        rowsQuarantined: 0,
        details: { ...details },
      }),
    );
    return run.id;
  }

  /**
   * Records the outcome and announces it (revops.ingestion.completed) in one transaction,
   * then counts it in /metrics: every way a sync ends (engine, sample files) comes here.
   */
  async finish(
    id: string,
    outcome: { counts: SyncRunCounts; durationMs: number; error?: string; details?: object },
  ): Promise<void> {
    const { counts } = outcome;
    const run = await this.dataSource.transaction(async (manager) => {
      // The outcome's details join those of the start (who triggered it, since when).
      const started = await manager.findOneByOrFail(SyncRunEntity, { id });
      await manager.update(SyncRunEntity, id, {
        status: outcome.error ? 'failed' : 'succeeded',
        finishedAt: new Date(),
        durationMs: outcome.durationMs,
        rowsRead: counts.read,
        rowsInserted: counts.inserted,
        rowsUpdated: counts.updated,
        rowsUnchanged: counts.unchanged,
        rowsDeleted: counts.deleted,
        rowsQuarantined: counts.quarantined,
        error: outcome.error ?? null,
        details: { ...started.details, ...outcome.details } as object,
      });
      const run = await manager.findOneByOrFail(SyncRunEntity, { id });
      await this.outbox.append(manager, {
        topic: TOPICS.ingestionCompleted,
        key: run.source,
        payload: {
          syncRunId: run.id,
          source: run.source,
          mode: run.mode,
          status: run.status,
          counts,
          finishedAt: run.finishedAt?.toISOString(),
        },
      });
      return run;
    });
    this.metrics.syncFinished({
      source: run.source,
      mode: run.mode,
      status: outcome.error ? 'failed' : 'succeeded',
      durationMs: outcome.durationMs,
      counts: { ...counts },
    });
  }

  findById(id: string): Promise<SyncRunEntity | null> {
    return this.runs.findOneBy({ id });
  }
}
