import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Odoo ↔ ACE match proposals and the analysts' decisions, owned by 05-matching in its
 * own schema. `version` is the optimistic lock of a review decision. At most one live
 * (proposed, auto-linked or approved) match per pair; search shows a hit's linked match
 * (auto-linked or approved).
 */
export class CreateOpportunityMatches1795344000000 implements MigrationInterface {
  name = 'CreateOpportunityMatches1795344000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SCHEMA IF NOT EXISTS matching');
    await q.query(`
      CREATE TABLE matching.opportunity_matches (
        id bigserial PRIMARY KEY,
        odoo_id text NOT NULL,
        ace_id text NOT NULL,
        status text NOT NULL
          CHECK (status IN ('proposed', 'auto_linked', 'approved', 'rejected', 'superseded')),
        probability double precision NOT NULL CHECK (probability BETWEEN 0 AND 1),
        score double precision NOT NULL,
        explanation jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        job_run_id bigint,
        decided_by text,
        decided_at timestamptz,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE UNIQUE INDEX opportunity_matches_live_pair ON matching.opportunity_matches (odoo_id, ace_id)
        WHERE status IN ('proposed', 'auto_linked', 'approved')`);
    await q.query(
      'CREATE INDEX opportunity_matches_odoo ON matching.opportunity_matches (odoo_id)',
    );
    await q.query('CREATE INDEX opportunity_matches_ace ON matching.opportunity_matches (ace_id)');
    await q.query(
      'CREATE INDEX opportunity_matches_status ON matching.opportunity_matches (status, id)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA IF EXISTS matching CASCADE');
  }
}
