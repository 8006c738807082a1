import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { quarantinePayload } from './quarantine-payload';

/** The stages after ingestion (ingestion keeps its rows with its sync run). */
export type QuarantineStage = 'transform' | 'embedding' | 'matching';

/** A row a job could not process: where it comes from, its input's hash, and why. */
export interface SetAsideRow {
  source: string;
  /** The table (or `matching.pairs`) the key belongs to. */
  table: string;
  key: string;
  /** The row is tried again only once this changes. */
  inputHash: string;
  reason: string;
  payload: unknown;
}

/** A stable hash of a row's input, for stages whose input has no hash of its own. */
export function inputHashOf(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('hex');
}

/** A quarantined row as lists show it; `runId` is the sync run's (ingestion) or the job run's. */
export interface QuarantinedRow {
  id: string;
  stage: string;
  source: string;
  sourceTable: string;
  sourceKey: string | null;
  reason: string;
  payload: unknown;
  runId: string | null;
  quarantinedAt: Date;
  resolvedAt: Date | null;
}

export interface QuarantineFilters {
  stage?: string;
  source?: string;
  sourceTable?: string;
  /** true: only rows still set aside; false: only resolved ones; both when absent. */
  open?: boolean;
  limit: number;
  /** The last id of the previous page. */
  before?: string;
}

/**
 * ops.quarantine for the jobs after ingestion. A row is set aside with its job run and
 * its input's hash; the job skips it while its input is unchanged, and resolves it once
 * it goes through. Setting a row aside again resolves its earlier entry: one open entry
 * per row and stage.
 */
@Injectable()
export class QuarantineRepository {
  constructor(private readonly dataSource: DataSource) {}

  async setAside(stage: QuarantineStage, jobRunId: string, rows: SetAsideRow[]): Promise<void> {
    if (rows.length === 0) return;
    const json = JSON.stringify(rows.map((r) => ({ ...r, payload: quarantinePayload(r.payload) })));
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE ops.quarantine q SET resolved_at = now()
           FROM jsonb_to_recordset($2::jsonb) AS r("table" text, key text)
          WHERE q.stage = $1 AND q.resolved_at IS NULL
            AND q.source_table = r."table" AND q.source_key = r.key`,
        [stage, json],
      );
      await manager.query(
        `INSERT INTO ops.quarantine
                (stage, job_run_id, source, source_table, source_key, input_hash, reason, payload)
         SELECT $1, $2, r.source, r."table", r.key, r."inputHash", r.reason, r.payload
           FROM jsonb_to_recordset($3::jsonb) AS r(source text, "table" text, key text,
                "inputHash" text, reason text, payload jsonb)`,
        [stage, jobRunId, json],
      );
    });
  }

  /** The rows of `table` waiting in quarantine at `stage`: key → the input they failed on. */
  async waiting(stage: QuarantineStage, table: string): Promise<Map<string, string>> {
    const rows: { key: string; hash: string }[] = await this.dataSource.query(
      `SELECT source_key AS key, input_hash AS hash FROM ops.quarantine
        WHERE stage = $1 AND source_table = $2 AND resolved_at IS NULL`,
      [stage, table],
    );
    return new Map(rows.map((row) => [row.key, row.hash]));
  }

  /**
   * Newest first, every stage's rows (ingestion's too). (`q.id`: a bare `id` in ORDER BY
   * would be the text output column.)
   */
  list(filters: QuarantineFilters): Promise<QuarantinedRow[]> {
    return this.dataSource.query(
      `SELECT q.id::text, stage, source, source_table AS "sourceTable", source_key AS "sourceKey",
              reason, payload, coalesce(sync_run_id, job_run_id)::text AS "runId",
              quarantined_at AS "quarantinedAt", resolved_at AS "resolvedAt"
         FROM ops.quarantine q
        WHERE ($1::text IS NULL OR stage = $1)
          AND ($2::text IS NULL OR source = $2)
          AND ($3::text IS NULL OR source_table = $3)
          AND ($4::boolean IS NULL OR (resolved_at IS NULL) = $4)
          AND ($5::bigint IS NULL OR q.id < $5)
        ORDER BY q.id DESC LIMIT $6`,
      [
        filters.stage ?? null,
        filters.source ?? null,
        filters.sourceTable ?? null,
        filters.open ?? null,
        filters.before ?? null,
        filters.limit,
      ],
    );
  }

  /** Rows still set aside, per stage and table. */
  openCounts(): Promise<{ stage: string; sourceTable: string; open: number }[]> {
    return this.dataSource.query(
      `SELECT stage, source_table AS "sourceTable", count(*)::int AS open
         FROM ops.quarantine WHERE resolved_at IS NULL
        GROUP BY stage, source_table ORDER BY stage, source_table`,
    );
  }

  /** Rows that went through: no longer set aside. */
  async resolve(
    stage: QuarantineStage,
    table: string,
    keys: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (keys.length === 0) return;
    await manager.query(
      `UPDATE ops.quarantine SET resolved_at = now()
        WHERE stage = $1 AND source_table = $2 AND resolved_at IS NULL
          AND source_key = ANY ($3::text[])`,
      [stage, table, keys],
    );
  }
}
