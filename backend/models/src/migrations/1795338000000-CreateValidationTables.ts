import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data-quality results. A validation run is an `ops.job_runs` row (job `validate`); each
 * rule it checked gets one result row with its count and a sample of offending ids.
 * `ops.validation_holds` lists the CORE rows that currently fail an error rule: search and
 * matching leave them out until a later run finds them clean.
 */
export class CreateValidationTables1795338000000 implements MigrationInterface {
  name = 'CreateValidationTables1795338000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ops.validation_results (
        job_run_id bigint NOT NULL REFERENCES ops.job_runs (id) ON DELETE CASCADE,
        rule_id text NOT NULL,
        entity text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('error', 'warning')),
        description text NOT NULL,
        violations integer NOT NULL,
        sample_ids text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (job_run_id, rule_id)
      )`);
    await q.query(`
      CREATE TABLE ops.validation_holds (
        entity text NOT NULL,
        record_id text NOT NULL,
        rule_ids text[] NOT NULL,
        job_run_id bigint NOT NULL REFERENCES ops.job_runs (id) ON DELETE CASCADE,
        held_since timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (entity, record_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS ops.validation_holds');
    await q.query('DROP TABLE IF EXISTS ops.validation_results');
  }
}
