import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identities derived from the CORE opportunities, rebuilt in full by 02-transformation and
 * written only where they changed (`job_run_id`, `transformed_at`: the run that last did):
 * the customers' AWS accounts, and one company per real customer across both sources with
 * a link from each opportunity to it.
 */
export class CreateCoreIdentities1795337000000 implements MigrationInterface {
  name = 'CreateCoreIdentities1795337000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.aws_accounts (
        aws_account_id varchar(12) PRIMARY KEY CHECK (aws_account_id ~ '^[0-9]{12}$'),
        company_name text,
        company_name_normalized text,
        domain text,
        country_code varchar(2),
        company_names text[] NOT NULL DEFAULT '{}',
        distinct_companies integer NOT NULL DEFAULT 0,
        sources text[] NOT NULL,
        ace_opportunities integer NOT NULL DEFAULT 0,
        first_seen timestamptz,
        last_seen timestamptz,
        job_run_id bigint,
        transformed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE core.companies (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        company_key text NOT NULL UNIQUE,
        display_name text,
        name_normalized text,
        domain text,
        country_code varchar(2),
        odoo_opportunities integer NOT NULL DEFAULT 0,
        ace_opportunities integer NOT NULL DEFAULT 0,
        aws_account_ids text[] NOT NULL DEFAULT '{}',
        job_run_id bigint,
        transformed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX companies_domain_idx ON core.companies (domain)');
    await q.query('CREATE INDEX companies_name_normalized_idx ON core.companies (name_normalized)');
    await q.query(`
      CREATE TABLE core.company_opportunities (
        source text NOT NULL CHECK (source IN ('odoo', 'ace')),
        source_id text NOT NULL,
        company_id bigint NOT NULL REFERENCES core.companies (id),
        job_run_id bigint,
        transformed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source, source_id)
      )`);
    await q.query(
      'CREATE INDEX company_opportunities_company_idx ON core.company_opportunities (company_id)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS core.company_opportunities');
    await q.query('DROP TABLE IF EXISTS core.companies');
    await q.query('DROP TABLE IF EXISTS core.aws_accounts');
  }
}
