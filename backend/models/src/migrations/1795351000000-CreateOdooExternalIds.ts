import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The key of every Odoo record known only by its External ID (`crm.crm_case_1`,
 * `mycompany.lead_4711`): an export without database ids still gives each record the
 * same RAW key on every sync. Allocated keys are negative, so they never meet a real
 * database id; a file carrying both `.id` and `id` records the real pair.
 */
export class CreateOdooExternalIds1795351000000 implements MigrationInterface {
  name = 'CreateOdooExternalIds1795351000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE SEQUENCE ops.odoo_external_id_seq AS integer INCREMENT BY -1 MAXVALUE -1 START WITH -1',
    );
    await q.query(`
      CREATE TABLE ops.odoo_external_ids (
        source_table text NOT NULL,
        external_id text NOT NULL,
        id integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source_table, external_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS ops.odoo_external_ids');
    await q.query('DROP SEQUENCE IF EXISTS ops.odoo_external_id_seq');
  }
}
