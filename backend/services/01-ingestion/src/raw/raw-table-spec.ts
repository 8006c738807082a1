import rawTables from './raw-tables.generated.json';

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
  /** The table's name in the source system. */
  sourceTable: string;
  primaryKey: string[];
  /** Incremental-sync order (modification time, then key); null: full loads only. */
  cursor: string[] | null;
  columns: Record<string, RawColumnType>;
  /** NOT NULL in the source: a row that sends one of these as null is quarantined. */
  required: string[];
  /** Odoo many2one columns and the source table each points at (`partner_id` → res_partner). */
  references?: Record<string, string>;
}

/**
 * Every RAW table, generated from data/schemas/discovery by
 * scripts/03-data/03_generate_raw_schema.ts (with the SQL and its migration).
 */
export const RAW_TABLES = rawTables as Record<string, RawTableSpec>;

/** Odoo tables the demo sample provides, in load order: what a lead refers to comes first. */
export const ODOO_SAMPLE_TABLES = [
  'odoo_res_country',
  'odoo_res_partner',
  'odoo_res_users',
  'odoo_crm_team',
  'odoo_crm_stage',
  'odoo_crm_lead',
] as const;
