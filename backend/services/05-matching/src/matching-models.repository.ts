import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MatchModelParameters } from './model/match-model';

export interface StoredModel {
  version: number;
  parameters: MatchModelParameters;
  summary: Record<string, unknown>;
  trainedBy: string;
  jobRunId: string | null;
  createdAt: string;
}

const COLUMNS = `version::int AS version, parameters, summary, trained_by AS "trainedBy",
  job_run_id::text AS "jobRunId", created_at AS "createdAt"`;

/** matching.models: every trained model, newest last. */
@Injectable()
export class MatchingModelsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async newest(): Promise<StoredModel | null> {
    const rows: StoredModel[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM matching.models ORDER BY version DESC LIMIT 1`,
    );
    return rows[0] ?? null;
  }

  async list(limit: number): Promise<Omit<StoredModel, 'parameters'>[]> {
    return this.dataSource.query(
      `SELECT version::int AS version, summary, trained_by AS "trainedBy",
              job_run_id::text AS "jobRunId", created_at AS "createdAt"
         FROM matching.models ORDER BY version DESC LIMIT $1`,
      [limit],
    );
  }

  async save(model: {
    parameters: MatchModelParameters;
    summary: Record<string, unknown>;
    trainedBy: string;
    jobRunId: string | null;
  }): Promise<StoredModel> {
    const [row]: StoredModel[] = await this.dataSource.query(
      `INSERT INTO matching.models (parameters, summary, trained_by, job_run_id)
       VALUES ($1::jsonb, $2::jsonb, $3, $4) RETURNING ${COLUMNS}`,
      [
        JSON.stringify(model.parameters),
        JSON.stringify(model.summary),
        model.trainedBy,
        model.jobRunId,
      ],
    );
    return row;
  }

  /** Approved and rejected pairs: the analysts' labels. */
  async decisions(): Promise<{ aceId: string; odooId: string; approved: boolean }[]> {
    return this.dataSource.query(
      `SELECT ace_id AS "aceId", odoo_id AS "odooId", status = 'approved' AS approved
         FROM matching.opportunity_matches WHERE status IN ('approved', 'rejected')`,
    );
  }
}
