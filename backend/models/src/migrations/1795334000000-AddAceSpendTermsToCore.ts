import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ACE opportunities' delivery models and the expected spend over the contract: its
 * duration in months (when the partner gave one) and the monthly spend times that (or
 * times 12). Existing rows get theirs at the next transform (source_hash cleared).
 */
export class AddAceSpendTermsToCore1795334000000 implements MigrationInterface {
  name = 'AddAceSpendTermsToCore1795334000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE core.ace_opportunities
        ADD COLUMN expected_contract_months integer,
        ADD COLUMN expected_total_spend numeric,
        ADD COLUMN delivery_models text[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE core.ace_opportunities SET source_hash = ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE core.ace_opportunities
        DROP COLUMN IF EXISTS expected_contract_months,
        DROP COLUMN IF EXISTS expected_total_spend,
        DROP COLUMN IF EXISTS delivery_models`);
  }
}
