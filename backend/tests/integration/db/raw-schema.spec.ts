import { CoreConfig, createDatabase, Database, loadConfig, runMigrations } from '@revops/core';
import { rawTableName } from '@revops/ingestion/schema/discovery';
import { readDiscoveryDir } from '@revops/ingestion/schema/discovery-files';
import { rawSqlType } from '@revops/ingestion/schema/raw-ddl';
import { join } from 'node:path';
import { REPO_ROOT } from '../../fixtures/paths';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

/** format_type() names for the RAW column types. */
const CATALOG_NAME: Record<string, string> = {
  varchar: 'character varying',
  timestamp: 'timestamp without time zone',
  timestamptz: 'timestamp with time zone',
};

describeWithDatabase('RAW schema generated from discovery', () => {
  useTestDatabase();
  let database: Database;
  const discovered = readDiscoveryDir(join(REPO_ROOT, 'data/schemas/discovery'));

  beforeAll(async () => {
    database = await createDatabase(loadConfig(CoreConfig));
    await runMigrations(database);
  });
  afterAll(() => database?.close());

  it('describes the 23 source tables: 17 Odoo and 6 APN', () => {
    expect(discovered.filter((t) => t.source === 'odoo')).toHaveLength(17);
    expect(discovered.filter((t) => t.source === 'apn')).toHaveLength(6);
  });

  it('has a typed RAW column for every discovered field, and lineage columns, nothing else', async () => {
    const rows: { table_name: string; column_name: string; type: string }[] = await database
      .dataSource.query(`
        SELECT c.relname AS table_name, a.attname AS column_name,
               format_type(a.atttypid, NULL) AS type
          FROM pg_attribute a
          JOIN pg_class c ON c.oid = a.attrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'raw' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`);
    const actual = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.type]));

    const expected = new Map<string, string>();
    for (const table of discovered) {
      for (const column of table.columns) {
        const sql = rawSqlType(column.type);
        expected.set(`${rawTableName(table)}.${column.name}`, CATALOG_NAME[sql] ?? sql);
      }
      for (const [lineage, type] of Object.entries({
        _sync_run_id: 'bigint',
        _ingested_at: 'timestamp with time zone',
        _row_hash: 'text',
        _deleted_at: 'timestamp with time zone',
        _extra: 'jsonb',
      })) {
        expected.set(`${rawTableName(table)}.${lineage}`, type);
      }
    }
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  });

  it('keys each RAW table like its source, composite keys included', async () => {
    const [rel] = await database.dataSource.query(`
      SELECT array_agg(a.attname ORDER BY a.attnum)::text[] AS columns
        FROM pg_index i
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
       WHERE i.indrelid = 'raw.odoo_crm_tag_rel'::regclass AND i.indisprimary`);
    expect(rel.columns).toEqual(['lead_id', 'tag_id']);
  });
});
