import {
  columnTypeFromCatalog,
  DiscoveredTable,
  rawTableName,
  schemaDrift,
} from '@revops/ingestion/schema/discovery';
import { RAW_TABLES } from '@revops/ingestion/raw/raw-table-spec';
import { readDiscoveryDir } from '@revops/ingestion/schema/discovery-files';
import {
  completeRawSchemaSql,
  rawCheckType,
  rawTableDdl,
  rawTableSpecs,
} from '@revops/ingestion/schema/raw-ddl';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../fixtures/paths';

const tagRel: DiscoveredTable = {
  source: 'odoo',
  table: 'crm_tag_rel',
  primaryKey: ['lead_id', 'tag_id'],
  cursor: null,
  columns: [
    { name: 'lead_id', type: 'integer', nullable: false },
    { name: 'tag_id', type: 'integer', nullable: false },
  ],
};
const lead: DiscoveredTable = {
  source: 'odoo',
  table: 'crm_lead',
  primaryKey: ['id'],
  cursor: ['write_date', 'id'],
  columns: [
    { name: 'id', type: 'integer', nullable: false },
    { name: 'name', type: 'character varying', nullable: false },
    { name: 'write_date', type: 'timestamp without time zone', nullable: true },
  ],
};

describe('RAW DDL from discovery', () => {
  it('prefixes Odoo tables with the source and keeps APN names', () => {
    expect(rawTableName(lead)).toBe('odoo_crm_lead');
    expect(rawTableName({ source: 'apn', table: 'apn_solution' })).toBe('apn_solution');
  });

  it('creates or completes a table with idempotent statements only', () => {
    const ddl = rawTableDdl(lead);
    expect(ddl).toContain('CREATE TABLE IF NOT EXISTS raw.odoo_crm_lead (');
    expect(ddl).toContain('ALTER TABLE raw.odoo_crm_lead ADD COLUMN IF NOT EXISTS "name" varchar;');
    expect(ddl).not.toMatch(/\bDROP\b|ALTER COLUMN/);
  });

  it('indexes RAW by key only: only the source is read in cursor order', () => {
    expect(rawTableDdl(lead)).not.toContain('CREATE INDEX');
  });

  it('keys a relation table by both columns', () => {
    const ddl = rawTableDdl(tagRel);
    expect(ddl).toContain('PRIMARY KEY ("lead_id", "tag_id")');
    expect(ddl).not.toContain('cursor_idx');
  });

  it('derives the checks ingestion applies', () => {
    const stage = { name: 'stage_id', type: 'integer', nullable: true, references: 'crm_stage' };
    expect(rawTableSpecs([{ ...lead, columns: [...lead.columns, stage] }]).odoo_crm_lead).toEqual({
      table: 'odoo_crm_lead',
      source: 'odoo',
      sourceTable: 'crm_lead',
      primaryKey: ['id'],
      cursor: ['write_date', 'id'],
      columns: { id: 'integer', name: 'text', write_date: 'timestamp', stage_id: 'integer' },
      required: ['id', 'name'],
      references: { stage_id: 'crm_stage' },
    });
    expect(rawCheckType('bytea')).toBe('text');
    expect(() => rawCheckType('tsvector')).toThrow(/No RAW type for source type "tsvector"/);
  });
});

describe('schema drift', () => {
  it('reports added, removed and retyped columns', () => {
    const live = [
      { name: 'id', type: 'integer', nullable: false },
      { name: 'name', type: 'jsonb', nullable: false },
      { name: 'x_region', type: 'character varying', nullable: true },
    ];
    expect(schemaDrift(lead.columns, live)).toEqual({
      added: [live[2]],
      removed: [lead.columns[2]],
      retyped: [{ name: 'name', from: 'character varying', to: 'jsonb' }],
    });
  });

  it('names array types the way discovery files do', () => {
    expect(columnTypeFromCatalog('ARRAY', '_text')).toBe('text[]');
    expect(columnTypeFromCatalog('ARRAY', '_varchar')).toBe('text[]');
    expect(columnTypeFromCatalog('integer', 'int4')).toBe('integer');
  });
});

describe('generated files', () => {
  it('match the discovery files (run 03_generate_raw_schema.ts after changing them)', () => {
    const tables = readDiscoveryDir(join(REPO_ROOT, 'data/schemas/discovery'));
    const sql = readFileSync(join(REPO_ROOT, 'data/schemas/sql/complete_raw_schema.sql'), 'utf8');
    expect(sql).toBe(completeRawSchemaSql(tables));
    expect(RAW_TABLES).toEqual(rawTableSpecs(tables));
  });
});
