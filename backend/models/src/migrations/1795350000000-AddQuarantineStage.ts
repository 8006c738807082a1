import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quarantine at every stage: which stage set the row aside (ingestion, transform, …), the
 * job run that did, and the hash of its input, so a stage retries the row only once its
 * input has changed. Existing rows are ingestion's.
 */
export class AddQuarantineStage1795350000000 implements MigrationInterface {
  name = 'AddQuarantineStage1795350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ops.quarantine
        ADD COLUMN stage text NOT NULL DEFAULT 'ingestion',
        ADD COLUMN job_run_id bigint,
        ADD COLUMN input_hash text`);
    await q.query(`
      CREATE INDEX quarantine_open_stage_key ON ops.quarantine (stage, source_table, source_key)
        WHERE resolved_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS ops.quarantine_open_stage_key');
    await q.query(`
      ALTER TABLE ops.quarantine
        DROP COLUMN IF EXISTS stage, DROP COLUMN IF EXISTS job_run_id, DROP COLUMN IF EXISTS input_hash`); // prettier-ignore
  }
}
