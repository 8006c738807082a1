import { Injectable, Logger } from '@nestjs/common';
import {
  AdvisoryLockService,
  chunk,
  DomainException,
  ignoreProgress,
  ProgressListener,
  RunDto,
  runOfSync,
} from '@revops/core';
import { SourceConnector } from './connectors/source-connector';
import { SampleFilesReader } from './connectors/sample-files.reader';
import { RawBatchWriter } from './sync/raw-batch-writer';
import { ODOO_SAMPLE_TABLES, RAW_TABLES, RawTableSpec } from './raw/raw-table-spec';
import { emptyCounts, SyncRunCounts, SyncRunsRepository } from './runs/sync-runs.repository';
import { ConnectorFactory } from './connectors/connector.factory';
import { SyncEngine, SyncMode, SyncResult } from './sync/sync-engine.service';
import { SourceVerifier, TableVerification } from './sync/source-verifier';

export const RAW_BATCH_SIZE = 1000;

export interface SyncSummary {
  source: 'odoo' | 'apn';
  syncRunId: string;
  counts: SyncRunCounts;
  durationMs: number;
}

type TableRows = { spec: RawTableSpec; rows: Record<string, unknown>[] };

@Injectable()
export class IngestionService {
  private readonly logger = new Logger(IngestionService.name);

  constructor(
    private readonly samples: SampleFilesReader,
    private readonly writer: RawBatchWriter,
    private readonly runs: SyncRunsRepository,
    private readonly connectors: ConnectorFactory,
    private readonly engine: SyncEngine,
    private readonly locks: AdvisoryLockService,
    private readonly verifier: SourceVerifier,
  ) {}

  /**
   * Starts a sync of one source through its configured connector and returns at once
   * with the run id; `done` settles when it ends. Refused (conflict) while another sync
   * of that source runs, in this process or any other.
   */
  async startSync(
    source: 'odoo' | 'apn',
    request: { mode: SyncMode; since?: string; triggeredBy: string; onProgress?: ProgressListener },
  ): Promise<{ syncRunId: string; done: Promise<SyncResult> }> {
    const release = await this.locks.tryLock(`revops.sync.${source}`);
    if (!release) {
      throw new DomainException('conflict', `A ${source} sync is already running`, { source });
    }
    let connector: SourceConnector | undefined;
    try {
      const abandoned = await this.runs.abandonStale(source);
      if (abandoned)
        this.logger.warn({ msg: 'Marked abandoned sync runs failed', source, abandoned });
      connector = this.connectors.create(source);
      const syncRunId = await this.runs.start(source, request.mode, {
        connector: connector.description,
        triggeredBy: request.triggeredBy,
        since: request.since ?? null,
      });
      const open = connector;
      const tables = Object.values(RAW_TABLES).filter((table) => table.source === source);
      const done = this.engine
        .run(open, tables, syncRunId, {
          mode: request.mode,
          since: request.since,
          onProgress: request.onProgress ?? ignoreProgress,
        })
        .finally(async () => {
          await open.close();
          await release();
        });
      return { syncRunId, done };
    } catch (error) {
      await connector?.close();
      await release();
      throw error;
    }
  }

  /** A sync from start to finish (scripts, schedules). */
  async syncSource(
    source: 'odoo' | 'apn',
    mode: SyncMode,
    options: { since?: string; triggeredBy?: string; onProgress?: ProgressListener } = {},
  ): Promise<SyncResult> {
    const { done } = await this.startSync(source, {
      mode,
      since: options.since,
      triggeredBy: options.triggeredBy ?? 'api',
      onProgress: options.onProgress,
    });
    return done;
  }

  /** Compares RAW with the live source, table by table (read-only on both sides). */
  async verifySource(source: 'odoo' | 'apn'): Promise<TableVerification[]> {
    const connector = this.connectors.create(source);
    try {
      const tables = Object.values(RAW_TABLES).filter((table) => table.source === source);
      return await this.verifier.verify(connector, tables);
    } finally {
      await connector.close();
    }
  }

  /** Sync runs newest first, in the run shape every job shares. */
  async listRuns(limit: number, before?: string): Promise<RunDto[]> {
    return (await this.runs.list({ limit, before })).map(runOfSync);
  }

  async getRun(id: string): Promise<RunDto> {
    const run = /^\d+$/.test(id) ? await this.runs.findById(id) : null;
    if (!run) throw new DomainException('not_found', `No sync run ${id}`);
    return runOfSync(run);
  }

  /** Loads the demo sample files into RAW: one sync run for Odoo, one for APN. */
  async ingestSampleFiles(dir: string, onProgress = ignoreProgress): Promise<SyncSummary[]> {
    const details = { input: 'sample-files', dir };
    const odooTables = (): Promise<TableRows[]> =>
      Promise.all(
        ODOO_SAMPLE_TABLES.map(async (table) => ({
          spec: RAW_TABLES[table],
          rows: await this.samples.readOdooTable(dir, table),
        })),
      );
    const apnTables = async (): Promise<TableRows[]> =>
      Object.entries(await this.samples.readAceOpportunities(dir)).map(([table, rows]) => ({
        spec: RAW_TABLES[table],
        rows,
      }));
    return [
      await this.sync('odoo', details, odooTables, onProgress),
      await this.sync('apn', details, apnTables, onProgress),
    ];
  }

  private async sync(
    source: 'odoo' | 'apn',
    details: object,
    read: () => Promise<TableRows[]>,
    onProgress: ProgressListener,
  ): Promise<SyncSummary> {
    const started = Date.now();
    const syncRunId = await this.runs.start(source, 'full', details);
    const counts = emptyCounts();
    try {
      for (const { spec, rows } of await read()) {
        await this.writeTable(spec, rows, syncRunId, counts, onProgress);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.runs.finish(syncRunId, {
        counts,
        durationMs: Date.now() - started,
        error: message,
      });
      this.logger.error({ msg: 'Sync failed', source, syncRunId, error: message });
      throw error;
    }
    const durationMs = Date.now() - started;
    await this.runs.finish(syncRunId, { counts, durationMs });
    this.logger.log({ msg: 'Sync finished', source, syncRunId, ...counts, durationMs });
    return { source, syncRunId, counts, durationMs };
  }

  private async writeTable(
    spec: RawTableSpec,
    rows: Record<string, unknown>[],
    syncRunId: string,
    counts: SyncRunCounts,
    onProgress: ProgressListener,
  ): Promise<void> {
    let done = 0;
    onProgress({ stage: `ingest ${spec.source}`, item: spec.table, done, total: rows.length });
    for (const batch of chunk(rows, RAW_BATCH_SIZE)) {
      await this.writer.write(spec, { rows: batch }, syncRunId, counts);
      done += batch.length;
      onProgress({ stage: `ingest ${spec.source}`, item: spec.table, done, total: rows.length });
    }
  }
}
