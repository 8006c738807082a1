import { Injectable } from '@nestjs/common';
import { SyncRunEntity } from '@revops/models';
import { DataSource, Repository } from 'typeorm';

export interface SyncRunCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
  quarantined: number;
}

@Injectable()
export class SyncRunsRepository {
  private readonly runs: Repository<SyncRunEntity>;

  constructor(dataSource: DataSource) {
    this.runs = dataSource.getRepository(SyncRunEntity);
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

  async finish(
    id: string,
    outcome: { counts: SyncRunCounts; durationMs: number; error?: string; details?: object },
  ): Promise<void> {
    const { counts } = outcome;
    await this.runs.update(id, {
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
      ...(outcome.details ? { details: { ...outcome.details } } : {}),
    });
  }

  findById(id: string): Promise<SyncRunEntity | null> {
    return this.runs.findOneBy({ id });
  }
}
