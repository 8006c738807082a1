import { MigrationInterface, QueryRunner } from 'typeorm';

/** Columns the first RAW tables created with a length the generated schema does not have. */
const COLUMNS: [table: string, column: string, length: number][] = [
  ['apn_opportunity', 'id', 20],
  ['apn_opportunity', 'customer_aws_account_id', 12],
  ['apn_opportunity', 'customer_company_name', 120],
  ['apn_opportunity', 'customer_country_code', 2],
  ['apn_opportunity', 'customer_duns', 9],
  ['apn_opportunity', 'customer_postal_code', 20],
  ['apn_opportunity', 'customer_street_address', 255],
  ['apn_opportunity', 'customer_website_url', 255],
  ['apn_opportunity', 'lifecycle_next_steps', 255],
  ['apn_opportunity', 'partner_opportunity_identifier', 64],
  ['apn_opportunity', 'project_additional_comments', 255],
  ['apn_opportunity', 'project_title', 255],
  ['odoo_res_country', 'code', 2],
];

/**
 * RAW mirrors what a source holds: a 306-character WebsiteUrl in an ACE export is kept,
 * not refused by a varchar(255) the skeleton tables had and complete_raw_schema.sql does
 * not (its `ADD COLUMN IF NOT EXISTS` left them). Checking lengths is validation's work.
 * varchar(n) → varchar changes no stored data and rewrites nothing.
 */
export class WidenSkeletonRawColumns1795352000000 implements MigrationInterface {
  name = 'WidenSkeletonRawColumns1795352000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, column] of COLUMNS) {
      await q.query(`ALTER TABLE raw.${table} ALTER COLUMN "${column}" TYPE varchar`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, column, length] of COLUMNS) {
      await q.query(`ALTER TABLE raw.${table} ALTER COLUMN "${column}" TYPE varchar(${length})`);
    }
  }
}
