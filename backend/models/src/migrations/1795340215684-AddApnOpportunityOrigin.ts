import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `raw.apn_opportunity.origin` (`Origin`: AWS Referral | Partner Referral), the one column
 * the discovery schema gained (data/schemas/sql/complete_raw_schema.sql has it too).
 */
export class AddApnOpportunityOrigin1795340215684 implements MigrationInterface {
  name = 'AddApnOpportunityOrigin1795340215684';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE raw.apn_opportunity ADD COLUMN IF NOT EXISTS "origin" varchar');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE raw.apn_opportunity DROP COLUMN IF EXISTS "origin"');
  }
}
