import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What 05-matching needs beyond its match table:
 * - `pg_trgm` and a trigram GiST index on each CORE table's normalised customer name, so
 *   the most similar names of an opportunity are a nearest-neighbour index scan, not a
 *   cross product (read-only indexes on CORE for its reader 05-matching; 02 still writes
 *   the rows);
 * - `matching.unmatchable_opportunities`: opportunities matching leaves out on purpose and
 *   says so (an ACE national-security redaction names no customer), instead of dropping
 *   them silently.
 */
export class AddMatchingCandidates1795346000000 implements MigrationInterface {
  name = 'AddMatchingCandidates1795346000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query(`
      CREATE INDEX odoo_opportunities_customer_name_trgm ON core.odoo_opportunities
        USING gist (customer_name_normalized gist_trgm_ops)`);
    await q.query(`
      CREATE INDEX ace_opportunities_customer_name_trgm ON core.ace_opportunities
        USING gist (customer_name_normalized gist_trgm_ops)`);
    await q.query(`
      CREATE TABLE matching.unmatchable_opportunities (
        source text NOT NULL CHECK (source IN ('odoo', 'ace')),
        source_id text NOT NULL,
        reason text NOT NULL,
        job_run_id bigint,
        since timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source, source_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS matching.unmatchable_opportunities');
    await q.query('DROP INDEX IF EXISTS core.ace_opportunities_customer_name_trgm');
    await q.query('DROP INDEX IF EXISTS core.odoo_opportunities_customer_name_trgm');
    // pg_trgm may serve others in a shared database: leave it.
  }
}
