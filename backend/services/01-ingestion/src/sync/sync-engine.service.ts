import { Injectable, Logger } from '@nestjs/common';
import { DomainException, isTransientError, ProgressListener, withRetry } from '@revops/core';
import { canCopyText, PageStart, SourceConnector } from '../connectors/source-connector';
import { IngestionConfig } from '../ingestion.config';
import { RawRepository } from '../raw/raw.repository';
import { RawTableSpec } from '../raw/raw-table-spec';
import { emptyCounts, SyncRunCounts, SyncRunsRepository } from '../runs/sync-runs.repository';
import { compareCursors, cursorOf, CursorValues, isResumable, overlapStart } from './cursor';
import { keysetPages, prefetched } from './pages';
import { RawBatchWriter, SourceBatch } from './raw-batch-writer';
import { QuarantineTally } from './quarantine-share';
import { SyncCursorsRepository } from './sync-cursors.repository';

export type SyncMode = 'incremental' | 'full';

export interface SyncResult {
  source: 'odoo' | 'apn';
  syncRunId: string;
  mode: SyncMode;
  counts: SyncRunCounts;
  durationMs: number;
  /** Source tables without a RAW column for some field, and those fields. */
  drift: Record<string, string[]>;
  missingTables: string[];
}

/**
 * Source → RAW for every table of one source, through any connector. Rows are read in
 * cursor order (key order for tables without a cursor):
 * - incremental: from the stored cursor minus an overlap window (or from `since`);
 * - full: from the beginning;
 * - both: each batch commits with the cursor it advances, then keys the source no longer
 *   has are marked `_deleted_at` (id-set reconciliation). Killed mid-run, a rerun resumes
 *   from the last committed batch and re-reads nothing twice into RAW.
 */
@Injectable()
export class SyncEngine {
  private readonly logger = new Logger(SyncEngine.name);

  constructor(
    private readonly writer: RawBatchWriter,
    private readonly raw: RawRepository,
    private readonly runs: SyncRunsRepository,
    private readonly cursors: SyncCursorsRepository,
    private readonly config: IngestionConfig,
  ) {}

  /** Runs the sync recorded as `syncRunId`; the caller holds the source's lock. */
  async run(
    connector: SourceConnector,
    tables: RawTableSpec[],
    syncRunId: string,
    options: { mode: SyncMode; since?: string; onProgress: ProgressListener },
  ): Promise<SyncResult> {
    const { mode, since, onProgress } = options;
    const started = Date.now();
    const counts = emptyCounts();
    const drift: Record<string, string[]> = {};
    let missingTables: string[] = [];
    try {
      const available = await this.retrying(() => connector.availableTables(tables));
      missingTables = tables.filter((t) => !available.includes(t)).map((t) => t.sourceTable);
      const overLimit: string[] = [];
      for (const table of available) {
        const tally = new QuarantineTally();
        const columns = await this.syncTable(connector, table, {
          mode,
          since,
          syncRunId,
          counts,
          tally,
          onProgress,
        });
        if (columns.length) drift[table.sourceTable] = columns;
        const over = tally.overLimit(table.sourceTable, this.config.SYNC_MAX_QUARANTINE_SHARE);
        if (over) overLimit.push(over);
      }
      // Every table is synced first: what passed is written, and each failing table named.
      if (overLimit.length) {
        throw new DomainException(
          'invalid_input',
          `too many rows quarantined (SYNC_MAX_QUARANTINE_SHARE): ${overLimit.join(' | ')}; ` +
            'the rows that passed are written, the rest are in ops.quarantine',
        );
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.runs.finish(syncRunId, {
        counts,
        durationMs: Date.now() - started,
        error: message,
        details: { connector: connector.description, drift, missingTables },
      });
      this.logger.error({
        msg: 'Sync failed',
        source: connector.source,
        syncRunId,
        error: message,
      });
      throw error;
    }
    const durationMs = Date.now() - started;
    await this.runs.finish(syncRunId, {
      counts,
      durationMs,
      details: { connector: connector.description, drift, missingTables },
    });
    this.logger.log({
      msg: 'Sync finished',
      source: connector.source,
      mode,
      syncRunId,
      ...counts,
      durationMs,
    });
    if (missingTables.length) {
      this.logger.warn({
        msg: 'Source lacks tables; skipped',
        source: connector.source,
        missingTables,
      });
    }
    return { source: connector.source, syncRunId, mode, counts, durationMs, drift, missingTables };
  }

  private async syncTable(
    connector: SourceConnector,
    table: RawTableSpec,
    run: {
      mode: SyncMode;
      since?: string;
      syncRunId: string;
      counts: SyncRunCounts;
      tally: QuarantineTally;
      onProgress: ProgressListener;
    },
  ): Promise<string[]> {
    const { syncRunId, counts, tally, onProgress } = run;
    const incremental = run.mode === 'incremental' && table.cursor !== null;
    const order = table.cursor ?? table.primaryKey;
    const size = this.config.SYNC_BATCH_SIZE;
    const stored = table.cursor ? await this.cursors.get(table.source, table.sourceTable) : null;
    const drift = new Set<string>();
    let start: PageStart = { order };
    if (incremental && run.since) start = { order, from: run.since };
    else if (incremental && stored) {
      start = { order, from: overlapStart(stored, this.config.SYNC_OVERLAP_SECONDS) };
    }
    // Database sources stream COPY text where the table's columns match RAW's.
    const copy =
      canCopyText(connector) &&
      this.raw.acceptsCopyText &&
      (await this.retrying(() => connector.copyMatchesRaw(table)));
    // The cursor committed so far; only moves forward (rows re-read in the overlap window
    // do not rewind it), and only a real position is stored (rows without a modification
    // time cannot resume one).
    let position = stored && isResumable(stored) ? stored : null;
    let done = 0;
    // RAW's live keys as the run starts, read while the run goes on: the deletes are those
    // the source no longer has when it ends (see reconcileDeletes).
    const liveBefore = this.raw.liveKeys(table);
    liveBefore.catch(() => undefined); // awaited below; a failed read fails the run there
    // A failed read is retried from after the last batch written, not from the start.
    await this.retrying(async () => {
      const batches: AsyncIterable<SourceBatch> = copy
        ? mapPages(connector.copyPages(table, start, size), (page) => ({ page }))
        : mapPages(keysetPages(connector, table, start, size), (rows) => ({ rows }));
      // Batch N+1 is read and checked while batch N is written.
      const checked = mapPages(batches, (batch) => this.writer.check(table, batch));
      // A COPY stream sends each key once, so a few of its batches can be written at once,
      // each in its own transaction; a batch saves its cursor only after the one before
      // it has committed. Paged reads may see a row twice, so they write one at a time.
      const writing = new InOrderWrites(copy ? COPY_BATCHES_IN_FLIGHT : 1);
      let dispatched = position;
      try {
        for await (const batch of prefetched(checked)) {
          const candidate = table.cursor ? cursorOf(batch.last, table.cursor) : undefined;
          const advance =
            candidate && isResumable(candidate) ? laterOf(dispatched, candidate) : undefined;
          dispatched = advance ?? dispatched;
          await writing.add(
            (before) => this.writer.commit(table, batch, syncRunId, counts, advance, before),
            () => {
              position = advance ?? position;
              batch.driftColumns
                .filter((column) => !connector.understandsExtra?.(table, column))
                .forEach((column) => drift.add(column));
              tally.add(
                batch.read,
                batch.bad.map((row) => row.reason),
              );
              done += batch.read;
              onProgress({
                stage: `sync ${table.source}`,
                item: table.sourceTable,
                done,
                total: done,
              });
              start = { order, after: cursorOf(batch.last, order) };
            },
          );
        }
      } finally {
        await writing.finish(); // never leave a write running behind a retry
      }
    });
    counts.deleted += await this.reconcileDeletes(connector, table, await liveBefore, syncRunId);
    return [...drift];
  }

  /**
   * Marks the RAW rows live before the run whose keys the source no longer has. A row the run
   * itself wrote is one the source had; if the source deletes it before the run ends, the
   * next run marks it.
   */
  private async reconcileDeletes(
    connector: SourceConnector,
    table: RawTableSpec,
    liveBefore: string[],
    syncRunId: string,
  ): Promise<number> {
    if (liveBefore.length === 0) return 0; // a first load: nothing to lose
    const inSource = new Set(await this.retrying(() => connector.readKeys(table)));
    const gone = liveBefore.filter((key) => !inSource.has(key));
    return this.raw.markDeleted(table, gone, syncRunId);
  }

  private retrying<T>(work: () => Promise<T>): Promise<T> {
    return withRetry(work, {
      attempts: this.config.SYNC_RETRY_ATTEMPTS,
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      retryable: isTransientError,
      onRetry: (error, attempt, delayMs) =>
        this.logger.warn({
          msg: 'Source read failed; retrying',
          attempt,
          delayMs,
          error: error instanceof Error ? error.message : String(error),
        }),
    });
  }
}

/** Batches of one COPY stream written at once, on as many connections: PostgreSQL parses them in parallel. */
const COPY_BATCHES_IN_FLIGHT = 5;

/**
 * Up to `limit` batch writes at once. Each write gets the previous one's promise, to await
 * before it saves its cursor and commits; `done` runs in batch order as each commits.
 */
class InOrderWrites {
  private readonly pending: Promise<void>[] = [];
  private previous: Promise<void> = Promise.resolve();

  constructor(private readonly limit: number) {}

  async add(write: (before: Promise<void>) => Promise<void>, done: () => void): Promise<void> {
    const written = write(this.previous).then(done);
    written.catch(() => undefined); // surfaced by finish() or by the next write
    this.previous = written;
    this.pending.push(written);
    if (this.pending.length >= this.limit) await this.pending.shift();
  }

  /** Waits for every write; the first failure, if any, is thrown once all have settled. */
  async finish(): Promise<void> {
    const results = await Promise.allSettled(this.pending.splice(0));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

async function* mapPages<T, U>(pages: AsyncIterable<T>, map: (page: T) => U): AsyncGenerator<U> {
  for await (const page of pages) yield map(page);
}

function laterOf(a: CursorValues | null, b: CursorValues): CursorValues {
  return a && compareCursors(a, b) > 0 ? a : b;
}
