import { Injectable, Logger } from '@nestjs/common';
import { chunk, ignoreProgress, ProgressListener } from '@revops/core';
import { SampleFilesReader } from './connectors/sample-files.reader';
import { RawBatchWriter } from './sync/raw-batch-writer';
import { ODOO_SAMPLE_TABLES, RAW_TABLES, RawTableSpec } from './raw/raw-table-spec';
import { SyncRunCounts, SyncRunsRepository } from './runs/sync-runs.repository';
import { ConnectorFactory } from './connectors/connector.factory';
import { SyncEngine, SyncMode, SyncResult } from './sync/sync-engine.service';

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
  ) {}

  /** One source through its configured connector: every RAW table of that source. */
  async syncSource(
    source: 'odoo' | 'apn',
    mode: SyncMode,
    onProgress = ignoreProgress,
  ): Promise<SyncResult> {
    const connector = this.connectors.create(source);
    try {
      const tables = Object.values(RAW_TABLES).filter((table) => table.source === source);
      return await this.engine.run(connector, tables, mode, onProgress);
    } finally {
      await connector.close();
    }
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
    const apnTables = async (): Promise<TableRows[]> => [
      { spec: RAW_TABLES.apn_opportunity, rows: await this.samples.readAceOpportunities(dir) },
    ];
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
    const counts: SyncRunCounts = {
      read: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      deleted: 0,
      quarantined: 0,
    };
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
      await this.writer.write(spec, batch, syncRunId, counts);
      done += batch.length;
      onProgress({ stage: `ingest ${spec.source}`, item: spec.table, done, total: rows.length });
    }
  }
}
