import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `Private` joined the legal forms that company-name normalisation removes (`… Private
 * Limited`): every CORE opportunity is transformed again at the next run, so its
 * `customer_name_normalized` (and the companies built from it) follow the new rule.
 */
export class RenormalizeCompanyNames1795342000000 implements MigrationInterface {
  name = 'RenormalizeCompanyNames1795342000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE core.odoo_opportunities SET source_hash = ''`);
    await q.query(`UPDATE core.ace_opportunities SET source_hash = ''`);
  }

  async down(): Promise<void> {
    // Nothing to undo: the next transform recomputes every row whichever rule applies.
  }
}
