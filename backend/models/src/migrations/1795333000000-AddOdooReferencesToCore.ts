import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rest of what a lead refers to, by name: state, lost reason, company and its
 * currency, tags. Existing rows get theirs at the next transform (source_hash cleared).
 */
export class AddOdooReferencesToCore1795333000000 implements MigrationInterface {
  name = 'AddOdooReferencesToCore1795333000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE core.odoo_opportunities
        ADD COLUMN state_code text,
        ADD COLUMN state_name text,
        ADD COLUMN currency_code varchar(3),
        ADD COLUMN company_name text,
        ADD COLUMN lost_reason text,
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE core.odoo_opportunities SET source_hash = ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE core.odoo_opportunities
        DROP COLUMN IF EXISTS state_code,
        DROP COLUMN IF EXISTS state_name,
        DROP COLUMN IF EXISTS currency_code,
        DROP COLUMN IF EXISTS company_name,
        DROP COLUMN IF EXISTS lost_reason,
        DROP COLUMN IF EXISTS tags`);
  }
}
