import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trained matching models, versioned: the m and u probabilities of every comparison level
 * and the priors (parameters), what they were trained on and how (summary), when and by
 * whom. A full match uses the newest. Each match names the model version that scored it
 * (null: the shipped default).
 */
export class CreateMatchingModels1795348000000 implements MigrationInterface {
  name = 'CreateMatchingModels1795348000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE matching.models (
        version bigserial PRIMARY KEY,
        parameters jsonb NOT NULL,
        summary jsonb NOT NULL,
        trained_by text NOT NULL,
        job_run_id bigint,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      ALTER TABLE matching.opportunity_matches
        ADD COLUMN model_version bigint REFERENCES matching.models (version)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE matching.opportunity_matches DROP COLUMN IF EXISTS model_version');
    await q.query('DROP TABLE IF EXISTS matching.models');
  }
}
