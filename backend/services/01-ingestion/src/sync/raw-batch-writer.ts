import { Injectable, Logger } from '@nestjs/common';
import { checkRawRow, CheckedRawRow, quarantinePayload } from '../raw/check-raw-row';
import { QuarantinedRow, RawRepository } from '../raw/raw.repository';
import { RawTableSpec } from '../raw/raw-table-spec';
import { SyncRunCounts } from '../runs/sync-runs.repository';
import { CursorValues } from './cursor';
import { SyncCursorsRepository } from './sync-cursors.repository';

export interface BatchOutcome {
  /** Source fields the RAW table has no column for (kept in `_extra`): schema drift. */
  driftColumns: string[];
}

/**
 * Writes one batch of source rows: checks each row, quarantines the ones that fail,
 * upserts the rest set-based and, when given, advances the table's cursor, all in one
 * transaction. A bad row never stops its batch.
 */
@Injectable()
export class RawBatchWriter {
  private readonly logger = new Logger(RawBatchWriter.name);

  constructor(
    private readonly raw: RawRepository,
    private readonly cursors: SyncCursorsRepository,
  ) {}

  async write(
    spec: RawTableSpec,
    batch: Record<string, unknown>[],
    syncRunId: string,
    counts: SyncRunCounts,
    cursor?: CursorValues,
  ): Promise<BatchOutcome> {
    const good: CheckedRawRow[] = [];
    const sourceOf = new Map<CheckedRawRow, Record<string, unknown>>();
    const bad: QuarantinedRow[] = [];
    const drift = new Set<string>();
    for (const source of batch) {
      const check = checkRawRow(spec, source);
      if (check.ok) {
        good.push(check.row);
        sourceOf.set(check.row, source);
        for (const field of Object.keys(check.row.extra)) drift.add(field);
      } else {
        bad.push({
          source: spec.source,
          sourceTable: spec.table,
          sourceKey: check.key,
          reason: check.reason,
          payload: quarantinePayload(source),
        });
        this.logger.warn({ msg: 'Row quarantined', syncRunId, reason: check.reason.slice(0, 500) });
      }
    }
    // The same key twice in one batch (a sloppy export): keep the later row, quarantine the
    // earlier one so nothing is lost; one upsert cannot write a key twice.
    const latest = new Map(good.map((row) => [row.key, row]));
    if (latest.size < good.length) {
      for (const row of good) {
        if (latest.get(row.key) !== row) {
          bad.push({
            source: spec.source,
            sourceTable: spec.table,
            sourceKey: row.key,
            reason: `${spec.table} row ${row.key}: duplicate key in one batch; a later row with the same key was loaded instead`,
            payload: quarantinePayload(sourceOf.get(row)),
          });
        }
      }
      good.splice(0, good.length, ...latest.values());
    }
    const written = await this.raw.transaction(async (manager) => {
      await this.raw.quarantine(manager, syncRunId, bad);
      const result = await this.raw.upsertBatch(manager, spec, good, syncRunId);
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
    counts.read += batch.length;
    counts.inserted += written.inserted;
    counts.updated += written.updated;
    counts.unchanged += written.unchanged;
    counts.quarantined += bad.length;
    return { driftColumns: [...drift] };
  }
}
