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
