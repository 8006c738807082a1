import { Injectable, Logger } from '@nestjs/common';
import { quarantinePayload, writeIsolating } from '@revops/core';
import { EntityManager } from 'typeorm';
import {
  checkCopyPage,
  checkRawRow,
  copyLineRecord,
  duplicateKeyReason,
  earlierOfSameKey,
} from '../raw/check-raw-row';
import { CopyTextPage } from '../raw/copy-text';
import { QuarantinedRow, RawRepository, UpsertCounts } from '../raw/raw.repository';
import { RawTableSpec } from '../raw/raw-table-spec';
import { ObjectRows, RawRowToWrite, RowsToWrite } from '../raw/rows-to-write';
import { SyncRunCounts } from '../runs/sync-runs.repository';
import { CursorValues } from './cursor';
import { SyncCursorsRepository } from './sync-cursors.repository';

const CHECK_SLICE = 100;

/** A batch as a connector read it: objects, or a page of COPY text from a database source. */
export type SourceBatch = { rows: Record<string, unknown>[] } | { page: CopyTextPage };

/** A batch after its row checks: what to write, what to quarantine, and the drift seen. */
export interface CheckedBatch {
  read: number;
  good: RowsToWrite;
  bad: QuarantinedRow[];
  /** Source fields the RAW table has no column for (kept in `_extra`): schema drift. */
  driftColumns: string[];
  /** The batch's last source row (what its cursor position is taken from). */
  last: Record<string, unknown>;
}

/**
 * Writes one batch of source rows: checks each row, quarantines the ones that fail,
 * upserts the rest set-based and, when given, advances the table's cursor, all in one
 * transaction. A bad row never stops its batch. Checking is separate from writing, so a
 * caller can check the next batch while this one is written.
 */
@Injectable()
export class RawBatchWriter {
  private readonly logger = new Logger(RawBatchWriter.name);

  constructor(
    private readonly raw: RawRepository,
    private readonly cursors: SyncCursorsRepository,
  ) {}

  /** Checks every row of a batch; no database work. */
  async check(spec: RawTableSpec, batch: SourceBatch): Promise<CheckedBatch> {
    const quarantined = (
      key: string | undefined,
      reason: string,
      row: Record<string, unknown>,
    ) => ({
      source: spec.source,
      sourceTable: spec.table,
      sourceKey: key,
      reason,
      payload: quarantinePayload(row),
    });
    if ('page' in batch) {
      const { good, bad, last } = checkCopyPage(spec, batch.page);
      return {
        read: batch.page.lines,
        good,
        bad: bad.map((line) => quarantined(line.key, line.reason, copyLineRecord(spec, line.line))),
        driftColumns: [],
        last: copyLineRecord(spec, last),
      };
    }
    const { rows } = batch;
    const good: RawRowToWrite[] = [];
    const sources: Record<string, unknown>[] = []; // good[i] came from sources[i]
    const bad: QuarantinedRow[] = [];
    const drift = new Set<string>();
    for (const [i, source] of rows.entries()) {
      // Let the event loop answer the database between slices: a batch being written waits on it.
      if (i % CHECK_SLICE === CHECK_SLICE - 1) await new Promise(setImmediate);
      const check = checkRawRow(spec, source);
      if (check.ok) {
        good.push(check.row);
        sources.push(source);
        for (const field of Object.keys(check.row.extra)) drift.add(field);
      } else {
        bad.push(quarantined(check.key, check.reason, source));
      }
    }
    // The same key twice in one batch (a sloppy export): keep the later row, quarantine the
    // earlier one so nothing is lost.
    const replaced = earlierOfSameKey(good.map((row) => row.key));
    for (const i of replaced) {
      bad.push(quarantined(good[i].key, duplicateKeyReason(spec, good[i].key), sources[i]));
    }
    return {
      read: rows.length,
      good: new ObjectRows(good.filter((_, i) => !replaced.has(i))),
      bad,
      driftColumns: [...drift],
      last: rows[rows.length - 1],
    };
  }

  /** Checks and writes a batch: `check` then `commit`. */
  async write(
    spec: RawTableSpec,
    batch: SourceBatch,
    syncRunId: string,
    counts: SyncRunCounts,
  ): Promise<CheckedBatch> {
    const checked = await this.check(spec, batch);
    await this.commit(spec, checked, syncRunId, counts);
    return checked;
  }

  /**
   * Writes a checked batch, its quarantined rows and, when given, its cursor: one
   * transaction. With `before` (the previous batch's write, still running), the cursor is
   * saved and the transaction committed only once that one has committed; if it failed,
   * this one rolls back too.
   */
  async commit(
    spec: RawTableSpec,
    batch: CheckedBatch,
    syncRunId: string,
    counts: SyncRunCounts,
    cursor?: CursorValues,
    before?: Promise<void>,
  ): Promise<void> {
    const { good, bad } = batch;
    const refused: QuarantinedRow[] = [];
    const written = await this.raw.transaction(async (manager) => {
      const result = await this.upsertIsolating(manager, spec, good, syncRunId, refused);
      await this.raw.quarantine(manager, syncRunId, [...bad, ...refused]);
      await before;
      if (cursor) {
        await this.cursors.save(manager, {
          source: spec.source,
          table: spec.sourceTable,
          position: cursor,
          syncRunId,
        });
      }
      return result;
    });
    // Rows PostgreSQL refused count as the batch's quarantined rows from here on.
    bad.push(...refused);
    for (const row of bad) {
      this.logger.warn({ msg: 'Row quarantined', syncRunId, reason: row.reason.slice(0, 500) });
    }
    counts.read += batch.read;
    counts.inserted += written.inserted;
    counts.updated += written.updated;
    counts.unchanged += written.unchanged;
    counts.quarantined += bad.length;
  }

  /**
   * Upserts the rows; when PostgreSQL refuses some for their data (an integer out of its
   * column's range), halves the batch under savepoints until each refused row is alone,
   * writes the rest and adds the refused ones to `refused`. COPY text comes from a
   * database whose column types match RAW's, so it is written whole.
   */
  private async upsertIsolating(
    manager: EntityManager,
    spec: RawTableSpec,
    rows: RowsToWrite,
    syncRunId: string,
    refused: QuarantinedRow[],
  ): Promise<UpsertCounts> {
    const totals: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
    const upsert = async (some: RowsToWrite) => {
      await manager.query('SAVEPOINT raw_rows');
      try {
        const written = await this.raw.upsertBatch(manager, spec, some, syncRunId);
        await manager.query('RELEASE SAVEPOINT raw_rows');
        totals.inserted += written.inserted;
        totals.updated += written.updated;
        totals.unchanged += written.unchanged;
      } catch (error) {
        await manager.query('ROLLBACK TO SAVEPOINT raw_rows');
        throw error;
      }
    };
    if (!(rows instanceof ObjectRows)) {
      await upsert(rows);
      return totals;
    }
    await writeIsolating(
      rows.rows,
      (some) => upsert(new ObjectRows(some)),
      (row, error) => {
        const message = error instanceof Error ? error.message : String(error);
        refused.push({
          source: spec.source,
          sourceTable: spec.table,
          sourceKey: row.key,
          reason: `${spec.table} row ${row.key}: refused by PostgreSQL: ${message}`,
          payload: quarantinePayload({ ...row.values, ...row.extra }),
        });
      },
    );
    return totals;
  }
}
