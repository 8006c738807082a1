import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CheckedRawRow } from './check-raw-row';
import { RawColumnType, RawTableSpec } from './raw-table-spec';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface QuarantinedRow {
  source: string;
  sourceTable: string;
  sourceKey?: string;
  reason: string;
  payload: unknown;
}

/** The array type each column travels in; jsonb and text[] go as text and are cast back. */
const PARAM_TYPES: Record<RawColumnType, string> = {
  integer: 'bigint',
  text: 'text',
  boolean: 'boolean',
  numeric: 'numeric',
  double: 'float8',
  date: 'date',
  timestamp: 'timestamp',
  timestamptz: 'timestamptz',
  jsonb: 'text',
  'text[]': 'text',
};

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

function toParam(type: RawColumnType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'jsonb') return JSON.stringify(value);
  if (type === 'text[]') return arrayLiteral(value as string[]);
  return value;
}

/** A PostgreSQL array literal: `{"a","b \\"quoted\\""}`. */
export function arrayLiteral(items: string[]): string {
  return `{${items.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** Writes RAW rows set-based: one statement per batch, whatever its size. */
@Injectable()
export class RawRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Inserts new rows and updates changed ones (by `_row_hash`) or ones marked deleted that
   * the source sends again; an unchanged live row is not touched. One statement per batch:
   * one typed array per column, unnested (PostgreSQL parses array literals far faster than
   * the same rows as JSON).
   */
  async upsertBatch(
    manager: EntityManager,
    spec: RawTableSpec,
    rows: CheckedRawRow[],
    syncRunId: string,
  ): Promise<UpsertCounts> {
    if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    const columns = Object.keys(spec.columns);
    const targets = [...columns, '_sync_run_id', '_row_hash', '_extra'].map(quote);
    const params = [
      ...columns.map((column) =>
        rows.map((row) => toParam(spec.columns[column], row.values[column])),
      ),
      rows.map(() => syncRunId),
      rows.map((row) => row.rowHash),
      rows.map((row) => JSON.stringify(row.extra)),
    ];
    const arrays = [...columns.map((c) => PARAM_TYPES[spec.columns[c]]), 'bigint', 'text', 'text'];
    const selected = [...columns.map((c) => spec.columns[c]), 'bigint', 'text', 'jsonb'].map(
      (type, i) => `u.c${i}::${type === 'double' ? 'double precision' : type}`,
    );
    const updates = targets
      .filter((c) => !spec.primaryKey.map(quote).includes(c))
      .map((c) => `${c} = EXCLUDED.${c}`)
      .concat(['_ingested_at = now()', '_deleted_at = NULL'])
      .join(', ');
    const result: { inserted: boolean }[] = await manager.query(
      `INSERT INTO raw.${spec.table} AS t (${targets.join(', ')})
       SELECT ${selected.join(', ')}
         FROM unnest(${arrays.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})
           AS u(${arrays.map((_, i) => `c${i}`).join(', ')})
       ON CONFLICT (${spec.primaryKey.map(quote).join(', ')}) DO UPDATE SET ${updates}
       WHERE t._row_hash IS DISTINCT FROM EXCLUDED._row_hash OR t._deleted_at IS NOT NULL
       RETURNING (xmax = 0) AS inserted`,
      params,
    );
    const inserted = result.filter((r) => r.inserted).length;
    const updated = result.length - inserted;
    return { inserted, updated, unchanged: rows.length - result.length };
  }

  /** Key → `_row_hash` of every live row: what a verification compares with the source. */
  async liveHashes(spec: RawTableSpec): Promise<Map<string, string>> {
    const rows: { key: string; hash: string }[] = await this.dataSource.query(
      `SELECT concat_ws(':', ${spec.primaryKey.map(quote).join(', ')}) AS key, _row_hash AS hash
         FROM raw.${spec.table} WHERE _deleted_at IS NULL`,
    );
    return new Map(rows.map((row) => [row.key, row.hash]));
  }

  /** Keys (`a:b` when composite) of the rows RAW holds as live. */
  async liveKeys(spec: RawTableSpec): Promise<string[]> {
    const rows: { key: string }[] = await this.dataSource.query(
      `SELECT concat_ws(':', ${spec.primaryKey.map((c) => `"${c}"`).join(', ')}) AS key
         FROM raw.${spec.table} WHERE _deleted_at IS NULL`,
    );
    return rows.map((row) => row.key);
  }

  /** Marks rows the source no longer has; they stay in RAW, with when and by which run. */
  async markDeleted(spec: RawTableSpec, keys: string[], syncRunId: string): Promise<number> {
    if (keys.length === 0) return 0;
    const [{ deleted }]: { deleted: number }[] = await this.dataSource.query(
      `WITH marked AS (
         UPDATE raw.${spec.table} SET _deleted_at = now(), _sync_run_id = $2
          WHERE _deleted_at IS NULL
            AND concat_ws(':', ${spec.primaryKey.map((c) => `"${c}"`).join(', ')}) = ANY ($1::text[])
          RETURNING 1)
       SELECT count(*)::int AS deleted FROM marked`,
      [keys, syncRunId],
    );
    return deleted;
  }

  async quarantine(
    manager: EntityManager,
    syncRunId: string,
    rows: QuarantinedRow[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO ops.quarantine (sync_run_id, source, source_table, source_key, reason, payload)
       SELECT $1, r.source, r.source_table, r.source_key, r.reason, r.payload
         FROM jsonb_to_recordset($2::jsonb)
           AS r(source text, source_table text, source_key text, reason text, payload jsonb)`,
      [
        syncRunId,
        JSON.stringify(
          rows.map((r) => ({
            source: r.source,
            source_table: r.sourceTable,
            source_key: r.sourceKey ?? null,
            reason: r.reason,
            payload: r.payload,
          })),
        ),
      ],
    );
  }
}
