/** The PostgreSQL type of a RAW column, as far as checking a source value needs to know. */
export type RawColumnType =
  | 'integer'
  | 'text'
  | 'boolean'
  | 'numeric'
  | 'double'
  | 'date'
  | 'timestamp'
  | 'timestamptz'
  | 'jsonb'
  | 'text[]';

export interface RawTableSpec {
  /** Table inside the `raw` schema. */
  table: string;
  source: 'odoo' | 'apn';
  key: string;
  columns: Record<string, RawColumnType>;
  /** Columns that are NOT NULL in the source: a row without them is quarantined. */
  required: string[];
}

const ODOO_MAGIC: Record<string, RawColumnType> = {
  create_uid: 'integer',
  create_date: 'timestamp',
  write_uid: 'integer',
  write_date: 'timestamp',
};

/**
 * The skeleton RAW tables (see migration CreateSkeletonRawTables). The ingestion issue
 * replaces this hand-written list with one generated from data/schemas/discovery.
 */
export const RAW_TABLES: Record<string, RawTableSpec> = {
  odoo_res_country: {
    table: 'odoo_res_country',
    source: 'odoo',
    key: 'id',
    required: ['id', 'name'],
    columns: { id: 'integer', name: 'jsonb', code: 'text', ...ODOO_MAGIC },
  },
  odoo_res_partner: {
    table: 'odoo_res_partner',
    source: 'odoo',
    key: 'id',
    required: ['id'],
    columns: {
      id: 'integer',
      name: 'text',
      complete_name: 'text',
      is_company: 'boolean',
      parent_id: 'integer',
      commercial_partner_id: 'integer',
      commercial_company_name: 'text',
      email: 'text',
      phone: 'text',
      website: 'text',
      city: 'text',
      country_id: 'integer',
      active: 'boolean',
      ...ODOO_MAGIC,
    },
  },
  odoo_res_users: {
    table: 'odoo_res_users',
    source: 'odoo',
    key: 'id',
    required: ['id', 'login', 'partner_id'],
    columns: {
      id: 'integer',
      login: 'text',
      partner_id: 'integer',
      active: 'boolean',
      share: 'boolean',
      company_id: 'integer',
      ...ODOO_MAGIC,
    },
  },
  odoo_crm_team: {
    table: 'odoo_crm_team',
    source: 'odoo',
    key: 'id',
    required: ['id', 'name'],
    columns: { id: 'integer', name: 'jsonb', active: 'boolean', user_id: 'integer', ...ODOO_MAGIC },
  },
  odoo_crm_stage: {
    table: 'odoo_crm_stage',
    source: 'odoo',
    key: 'id',
    required: ['id', 'name'],
    columns: {
      id: 'integer',
      name: 'jsonb',
      sequence: 'integer',
      is_won: 'boolean',
      fold: 'boolean',
      ...ODOO_MAGIC,
    },
  },
  odoo_crm_lead: {
    table: 'odoo_crm_lead',
    source: 'odoo',
    key: 'id',
    required: ['id', 'name'],
    columns: {
      id: 'integer',
      name: 'text',
      type: 'text',
      active: 'boolean',
      priority: 'text',
      partner_id: 'integer',
      partner_name: 'text',
      contact_name: 'text',
      email_from: 'text',
      phone: 'text',
      website: 'text',
      user_id: 'integer',
      team_id: 'integer',
      company_id: 'integer',
      stage_id: 'integer',
      country_id: 'integer',
      city: 'text',
      expected_revenue: 'numeric',
      probability: 'double',
      date_deadline: 'date',
      date_closed: 'timestamp',
      description: 'text',
      ...ODOO_MAGIC,
    },
  },
  apn_opportunity: {
    table: 'apn_opportunity',
    source: 'apn',
    key: 'id',
    required: ['id', 'catalog', 'created_date', 'last_modified_date'],
    columns: {
      id: 'text',
      catalog: 'text',
      arn: 'text',
      partner_opportunity_identifier: 'text',
      opportunity_type: 'text',
      national_security: 'text',
      primary_needs_from_aws: 'text[]',
      customer_company_name: 'text',
      customer_website_url: 'text',
      customer_aws_account_id: 'text',
      customer_industry: 'text',
      customer_other_industry: 'text',
      customer_duns: 'text',
      customer_country_code: 'text',
      customer_state_or_region: 'text',
      customer_city: 'text',
      customer_postal_code: 'text',
      customer_street_address: 'text',
      customer_contacts: 'jsonb',
      project_title: 'text',
      project_customer_business_problem: 'text',
      project_customer_use_case: 'text',
      project_delivery_models: 'text[]',
      project_expected_customer_spend: 'jsonb',
      project_sales_activities: 'text[]',
      project_competitor_name: 'text',
      project_additional_comments: 'text',
      lifecycle_stage: 'text',
      lifecycle_review_status: 'text',
      lifecycle_target_close_date: 'date',
      lifecycle_closed_lost_reason: 'text',
      lifecycle_next_steps: 'text',
      opportunity_team: 'jsonb',
      created_date: 'timestamptz',
      last_modified_date: 'timestamptz',
    },
  },
};

/** Odoo tables in load order: what a lead refers to comes first. */
export const ODOO_SAMPLE_TABLES = [
  'odoo_res_country',
  'odoo_res_partner',
  'odoo_res_users',
  'odoo_crm_team',
  'odoo_crm_stage',
  'odoo_crm_lead',
] as const;
