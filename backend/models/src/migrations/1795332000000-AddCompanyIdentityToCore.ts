import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each CORE opportunity's customer as matching compares it: registrable web domain and
 * normalised company name. Existing rows get theirs at the next transform: their
 * source_hash is cleared so every row counts as changed once.
 */
export class AddCompanyIdentityToCore1795332000000 implements MigrationInterface {
  name = 'AddCompanyIdentityToCore1795332000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['odoo_opportunities', 'ace_opportunities']) {
      await q.query(`
        ALTER TABLE core.${table}
          ADD COLUMN customer_domain text,
          ADD COLUMN customer_name_normalized text`);
      await q.query(`CREATE INDEX ${table}_customer_domain_idx ON core.${table} (customer_domain)`);
      await q.query(`UPDATE core.${table} SET source_hash = ''`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['odoo_opportunities', 'ace_opportunities']) {
      await q.query(`DROP INDEX IF EXISTS core.${table}_customer_domain_idx`);
      await q.query(`
        ALTER TABLE core.${table}
          DROP COLUMN IF EXISTS customer_domain,
          DROP COLUMN IF EXISTS customer_name_normalized`);
    }
  }
}
