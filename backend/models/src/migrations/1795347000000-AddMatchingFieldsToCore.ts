import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What matching compares beyond names: the customer's street and postal code on Odoo
 * leads; the customer's address, DUNS and contacts (names, e-mails, phones) on ACE
 * opportunities. Existing rows get theirs at the next transform (source_hash cleared).
 */
export class AddMatchingFieldsToCore1795347000000 implements MigrationInterface {
  name = 'AddMatchingFieldsToCore1795347000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE core.odoo_opportunities
        ADD COLUMN street text,
        ADD COLUMN postal_code text`);
    await q.query(`
      ALTER TABLE core.ace_opportunities
        ADD COLUMN street text,
        ADD COLUMN postal_code text,
        ADD COLUMN city text,
        ADD COLUMN state_or_region text,
        ADD COLUMN duns text,
        ADD COLUMN contact_names text[] NOT NULL DEFAULT '{}',
        ADD COLUMN contact_emails text[] NOT NULL DEFAULT '{}',
        ADD COLUMN contact_phones text[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE core.odoo_opportunities SET source_hash = ''`);
    await q.query(`UPDATE core.ace_opportunities SET source_hash = ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE core.odoo_opportunities DROP COLUMN IF EXISTS street, DROP COLUMN IF EXISTS postal_code`); // prettier-ignore
    await q.query(`
      ALTER TABLE core.ace_opportunities
        DROP COLUMN IF EXISTS street, DROP COLUMN IF EXISTS postal_code, DROP COLUMN IF EXISTS city,
        DROP COLUMN IF EXISTS state_or_region, DROP COLUMN IF EXISTS duns,
        DROP COLUMN IF EXISTS contact_names, DROP COLUMN IF EXISTS contact_emails,
        DROP COLUMN IF EXISTS contact_phones`);
  }
}
