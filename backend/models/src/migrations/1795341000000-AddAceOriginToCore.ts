import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where an ACE opportunity came from (`Origin`: AWS Referral | Partner Referral). Existing
 * rows get theirs at the next transform (source_hash cleared).
 */
export class AddAceOriginToCore1795341000000 implements MigrationInterface {
  name = 'AddAceOriginToCore1795341000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE core.ace_opportunities ADD COLUMN origin text');
    await q.query(`UPDATE core.ace_opportunities SET source_hash = ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE core.ace_opportunities DROP COLUMN IF EXISTS origin');
  }
}
