import { MigrationInterface, QueryRunner } from 'typeorm';

/** Opportunities with every reference resolved to a name: what search and matching read. */
export class CreateCoreOpportunities1795320000300 implements MigrationInterface {
  name = 'CreateCoreOpportunities1795320000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.odoo_opportunities (
        odoo_id integer PRIMARY KEY,
        name text NOT NULL,
        lead_type text,
        active boolean NOT NULL DEFAULT true,
        customer_name text,
        customer_partner_id integer,
        contact_name text,
        email text,
        phone text,
        website text,
        salesperson_user_id integer,
        salesperson_name text,
        team_id integer,
        team_name text,
        stage_id integer,
        stage_name text,
        is_won boolean NOT NULL DEFAULT false,
        country_code varchar(2),
        country_name text,
        city text,
        expected_revenue numeric,
        probability double precision,
        date_deadline date,
        description text,
        source_write_date timestamp,
        source_hash text NOT NULL,
        deleted_at timestamptz,
        transformed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE core.ace_opportunities (
        ace_id varchar(20) PRIMARY KEY,
        title text,
        customer_company_name text,
        customer_website text,
        industry text,
        country_code varchar(2),
        aws_account_id varchar(12),
        stage text,
        review_status text,
        expected_monthly_spend numeric,
        spend_currency varchar(3),
        target_close_date date,
        use_case text,
        business_problem text,
        partner_opportunity_identifier text,
        opportunity_type text,
        owner_name text,
        owner_email text,
        is_national_security boolean NOT NULL DEFAULT false,
        source_last_modified timestamptz,
        source_hash text NOT NULL,
        deleted_at timestamptz,
        transformed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS core.ace_opportunities');
    await q.query('DROP TABLE IF EXISTS core.odoo_opportunities');
  }
}
