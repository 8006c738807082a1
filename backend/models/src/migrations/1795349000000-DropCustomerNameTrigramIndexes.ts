import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching finds name candidates in memory now (an inverted index of rare name words), so
 * the trigram indexes on CORE's normalised customer names serve no reader and only slow
 * 02-transformation's writes. pg_trgm itself stays.
 */
export class DropCustomerNameTrigramIndexes1795349000000 implements MigrationInterface {
  name = 'DropCustomerNameTrigramIndexes1795349000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS core.odoo_opportunities_customer_name_trgm');
    await q.query('DROP INDEX IF EXISTS core.ace_opportunities_customer_name_trgm');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX odoo_opportunities_customer_name_trgm ON core.odoo_opportunities
        USING gist (customer_name_normalized gist_trgm_ops)`);
    await q.query(`
      CREATE INDEX ace_opportunities_customer_name_trgm ON core.ace_opportunities
        USING gist (customer_name_normalized gist_trgm_ops)`);
  }
}
