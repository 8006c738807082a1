import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per live opportunity, independent of the embedding model: what a search hit
 * shows, the columns search filters on, and the full-text `tsvector` for keyword and
 * hybrid search. The embedding service writes it from CORE before it embeds, so keyword
 * search works even while the model is down. The full text leaves out the template's line
 * labels ("Customer:", "Stage:"…), which every document has and no search means. Amount
 * filters compare `amount_total` (Odoo expected revenue; ACE monthly spend × contract
 * months) in the row's own currency.
 */
export class CreateSearchDocuments1795343000000 implements MigrationInterface {
  name = 'CreateSearchDocuments1795343000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search.opportunity_documents (
        source text NOT NULL CHECK (source IN ('odoo', 'ace')),
        source_id text NOT NULL,
        reference text,
        title text,
        customer text,
        stage text,
        country_code varchar(2),
        amount numeric,
        amount_period text NOT NULL CHECK (amount_period IN ('total', 'monthly')),
        amount_total numeric,
        currency varchar(3),
        close_date date,
        contact_name text,
        email text,
        phone text,
        content text NOT NULL,
        content_hash text NOT NULL,
        document tsvector GENERATED ALWAYS AS (to_tsvector('english',
          regexp_replace(content, '^(Customer|Industry|Country|Use case|Stage): ', '', 'gn'))) STORED,
        row_hash text NOT NULL,
        source_changed_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source, source_id)
      )`);
    await q.query(
      'CREATE INDEX opportunity_documents_fts ON search.opportunity_documents USING gin (document)',
    );
    for (const column of ['country_code', 'stage', 'close_date', 'amount_total']) {
      await q.query(
        `CREATE INDEX opportunity_documents_${column} ON search.opportunity_documents (${column})`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS search.opportunity_documents');
  }
}
