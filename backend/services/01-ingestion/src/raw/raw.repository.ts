import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '@revops/core';
import type { Database } from '@revops/core';
import { finished } from 'node:stream/promises';
import { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, EntityManager } from 'typeorm';
import { arrayText } from './copy-text';
import { RawColumnType, RawTableSpec } from './raw-table-spec';
import { ObjectRows, RowsToWrite } from './rows-to-write';

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
  if (type === 'text[]') return arrayText(value as string[]);
  return value;
}

/**
 * Writes RAW rows set-based. A batch goes into a per-session staging table first (COPY on
 * PostgreSQL; unnested arrays on PGlite, whose driver has no COPY), then one statement
 * merges it into the RAW table.
 */
@Injectable()
export class RawRepository {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  /** PostgreSQL takes COPY text as it is; PGlite's driver cannot, so rows come as objects. */
  get acceptsCopyText(): boolean {
    return this.database.kind === 'postgres';
  }

  /**
   * A batch's transaction. Its commit does not wait for the WAL flush: a server crash can
   * lose the last batches, but always with the cursor they advanced, so the rerun reads
   * them again. The run's final record commits normally, which flushes every batch before.
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN; SET LOCAL synchronous_commit = off'); // one round trip
      const result = await work(runner.manager);
      await runner.query('COMMIT');
      return result;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined); // the error at hand matters more
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Inserts new rows and updates changed ones (by `_row_hash`) or ones marked deleted that
   * the source sends again; an unchanged live row is not touched.
   */
  async upsertBatch(
    manager: EntityManager,
    spec: RawTableSpec,
    rows: RowsToWrite,
    syncRunId: string,
  ): Promise<UpsertCounts> {
    const count = rows.keys.length;
    if (count === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    const stage = `raw_stage_${spec.table}`;
    const targets = [...Object.keys(spec.columns), '_sync_run_id', '_row_hash', '_extra'].map(
      quote,
    );
    if (this.acceptsCopyText) {
      // A batch of keys RAW has never seen (a first load, new records) goes straight in.
      if (!(await this.mayHoldKeys(manager, spec, rows.keys))) {
        await this.copyRows(manager, `raw.${spec.table}`, targets, rows, syncRunId);
        return { inserted: count, updated: 0, unchanged: 0 };
      }
    }
    // Once per session; emptied by every commit. Quiet: "already exists" is the usual case.
    await manager.query(
      `SET LOCAL client_min_messages = warning;
       CREATE TEMP TABLE IF NOT EXISTS ${stage} (LIKE raw.${spec.table} INCLUDING DEFAULTS)
         ON COMMIT DELETE ROWS`,
    );
    if (this.acceptsCopyText) {
      await this.copyRows(manager, `pg_temp.${stage}`, targets, rows, syncRunId);
    } else if (rows instanceof ObjectRows) {
      await this.stageByArrays(manager, spec, stage, targets, rows, syncRunId);
    } else {
      throw new Error(`${spec.table}: COPY text rows need a PostgreSQL target`);
    }
    const updates = targets
      .filter((c) => !spec.primaryKey.map(quote).includes(c))
      .map((c) => `${c} = EXCLUDED.${c}`)
      .concat(['_ingested_at = now()', '_deleted_at = NULL'])
      .join(', ');
    const result: { inserted: boolean }[] = await manager.query(
      `INSERT INTO raw.${spec.table} AS t (${targets.join(', ')})
       SELECT ${targets.join(', ')} FROM pg_temp.${stage}
       ON CONFLICT (${spec.primaryKey.map(quote).join(', ')}) DO UPDATE SET ${updates}
       WHERE t._row_hash IS DISTINCT FROM EXCLUDED._row_hash OR t._deleted_at IS NOT NULL
       RETURNING (xmax = 0) AS inserted`,
    );
    const inserted = result.filter((r) => r.inserted).length;
    const updated = result.length - inserted;
    return { inserted, updated, unchanged: count - result.length };
  }

  /**
   * Whether RAW may hold one of these keys (live or deleted): any row between the lowest and
   * the highest of them says yes, one index probe. Composite keys: always yes.
   */
  private async mayHoldKeys(
    manager: EntityManager,
    spec: RawTableSpec,
    keys: string[],
  ): Promise<boolean> {
    if (spec.primaryKey.length !== 1) return true;
    const key = quote(spec.primaryKey[0]);
    const type = spec.columns[spec.primaryKey[0]] === 'integer' ? 'bigint' : 'text';
    const [{ held }]: { held: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM raw.${spec.table} WHERE ${key}
         BETWEEN (SELECT min(k) FROM unnest($1::${type}[]) k) AND (SELECT max(k) FROM unnest($1::${type}[]) k)) AS held`,
      [keys],
    );
    return held;
  }

  /** The rows as COPY text into `table`: one buffer, one COPY. */
  private async copyRows(
    manager: EntityManager,
    table: string,
    targets: string[],
    rows: RowsToWrite,
    syncRunId: string,
  ): Promise<void> {
    const client = (await manager.queryRunner!.connect()) as PoolClient;
    const copy = client.query(copyFrom(`COPY ${table} (${targets.join(', ')}) FROM STDIN`));
    copy.end(rows.copyText(syncRunId));
    await finished(copy);
  }

  /** One typed array per column, unnested: PGlite's way, from the rows' checked values. */
  private async stageByArrays(
    manager: EntityManager,
    spec: RawTableSpec,
    stage: string,
    targets: string[],
    { rows }: ObjectRows,
    syncRunId: string,
  ): Promise<void> {
    const columns = Object.keys(spec.columns);
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
    await manager.query(
      `INSERT INTO pg_temp.${stage} (${targets.join(', ')})
       SELECT ${selected.join(', ')}
         FROM unnest(${arrays.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})
           AS u(${arrays.map((_, i) => `c${i}`).join(', ')})`,
      params,
    );
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
    const [{ keys }]: { keys: string[] }[] = await this.dataSource.query(
      `SELECT coalesce(json_agg(concat_ws(':', ${spec.primaryKey.map(quote).join(', ')})), '[]') AS keys
         FROM raw.${spec.table} WHERE _deleted_at IS NULL`,
    );
    return keys;
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
