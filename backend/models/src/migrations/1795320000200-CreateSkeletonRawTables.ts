import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The RAW tables the thin pipeline needs: Odoo's crm_lead plus the tables that resolve
 * its customer, salesperson, team, stage and country, and the APN opportunity. Columns
 * mirror the sources' own types; fields not listed here land in `_extra` until the
 * generated full RAW schema (ingestion issue) adds them.
 */
const METADATA = `
  _sync_run_id bigint,
  _ingested_at timestamptz NOT NULL DEFAULT now(),
  _row_hash text NOT NULL,
  _deleted_at timestamptz,
  _extra jsonb NOT NULL DEFAULT '{}'`;

const ODOO_MAGIC = `
  create_uid integer,
  create_date timestamp,
  write_uid integer,
  write_date timestamp`;

export class CreateSkeletonRawTables1795320000200 implements MigrationInterface {
  name = 'CreateSkeletonRawTables1795320000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE raw.odoo_crm_lead (
        id integer PRIMARY KEY,
        name varchar NOT NULL,
        type varchar,
        active boolean,
        priority varchar,
        partner_id integer,
        partner_name varchar,
        contact_name varchar,
        email_from varchar,
        phone varchar,
        website varchar,
        user_id integer,
        team_id integer,
        company_id integer,
        stage_id integer,
        country_id integer,
        city varchar,
        expected_revenue numeric,
        probability double precision,
        date_deadline date,
        date_closed timestamp,
        description text,
        ${ODOO_MAGIC},
        ${METADATA}
      )`);
    await q.query(`
      CREATE TABLE raw.odoo_res_partner (
        id integer PRIMARY KEY,
        name varchar,
        complete_name varchar,
        is_company boolean,
        parent_id integer,
        commercial_partner_id integer,
        commercial_company_name varchar,
        email varchar,
        phone varchar,
        website varchar,
        city varchar,
        country_id integer,
        active boolean,
        ${ODOO_MAGIC},
        ${METADATA}
      )`);
    await q.query(`
      CREATE TABLE raw.odoo_res_users (
        id integer PRIMARY KEY,
        login varchar NOT NULL,
        partner_id integer NOT NULL,
        active boolean,
        share boolean,
        company_id integer,
        ${ODOO_MAGIC},
        ${METADATA}
      )`);
    // name is translatable: jsonb {"en_US": "..."} from Odoo 16 on.
    await q.query(`
      CREATE TABLE raw.odoo_crm_stage (
        id integer PRIMARY KEY,
        name jsonb NOT NULL,
        sequence integer,
        is_won boolean,
        fold boolean,
        ${ODOO_MAGIC},
        ${METADATA}
      )`);
    await q.query(`
      CREATE TABLE raw.odoo_crm_team (
        id integer PRIMARY KEY,
        name jsonb NOT NULL,
        active boolean,
        user_id integer,
        ${ODOO_MAGIC},
        ${METADATA}
      )`);
    await q.query(`
      CREATE TABLE raw.odoo_res_country (
        id integer PRIMARY KEY,
        name jsonb NOT NULL,
        code varchar(2),
        ${ODOO_MAGIC},
        ${METADATA}
      )`);
    // One row per GetOpportunity response; nested lists kept as jsonb / text[].
    await q.query(`
      CREATE TABLE raw.apn_opportunity (
        id varchar(20) PRIMARY KEY,
        catalog varchar NOT NULL,
        arn varchar,
        partner_opportunity_identifier varchar(64),
        opportunity_type varchar,
        national_security varchar,
        primary_needs_from_aws text[],
        customer_company_name varchar(120),
        customer_website_url varchar(255),
        customer_aws_account_id varchar(12),
        customer_industry varchar,
        customer_other_industry varchar,
        customer_duns varchar(9),
        customer_country_code varchar(2),
        customer_state_or_region varchar,
        customer_city varchar,
        customer_postal_code varchar(20),
        customer_street_address varchar(255),
        customer_contacts jsonb,
        project_title varchar(255),
        project_customer_business_problem text,
        project_customer_use_case varchar,
        project_delivery_models text[],
        project_expected_customer_spend jsonb,
        project_sales_activities text[],
        project_competitor_name varchar,
        project_additional_comments varchar(255),
        lifecycle_stage varchar,
        lifecycle_review_status varchar,
        lifecycle_target_close_date date,
        lifecycle_closed_lost_reason varchar,
        lifecycle_next_steps varchar(255),
        opportunity_team jsonb,
        created_date timestamptz NOT NULL,
        last_modified_date timestamptz NOT NULL,
        ${METADATA}
      )`);
    await q.query('CREATE INDEX odoo_crm_lead_cursor_idx ON raw.odoo_crm_lead (write_date, id)');
    await q.query(
      'CREATE INDEX apn_opportunity_cursor_idx ON raw.apn_opportunity (last_modified_date, id)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'apn_opportunity',
      'odoo_res_country',
      'odoo_crm_team',
      'odoo_crm_stage',
      'odoo_res_users',
      'odoo_res_partner',
      'odoo_crm_lead',
    ]) {
      await q.query(`DROP TABLE IF EXISTS raw.${table}`);
    }
  }
}
