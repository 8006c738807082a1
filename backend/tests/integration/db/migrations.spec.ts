import {
  CoreConfig,
  createDatabase,
  Database,
  loadConfig,
  migrationStatus,
  runMigrations,
} from '@revops/core';
import { ALL_MIGRATIONS } from '@revops/models';
import { describeWithDatabase, testDbKind, useTestDatabase } from '../../fixtures/test-database';

describeWithDatabase('migrations', () => {
  useTestDatabase();
  let database: Database;

  beforeAll(async () => {
    database = await createDatabase(loadConfig(CoreConfig));
    await runMigrations(database);
  });
  afterAll(() => database?.close());

  it('creates the schemas and the vector extension', async () => {
    const schemas = await database.dataSource.query(
      `SELECT nspname FROM pg_namespace
        WHERE nspname IN ('raw', 'core', 'search', 'matching', 'ops') ORDER BY 1`,
    );
    expect(schemas.map((s: { nspname: string }) => s.nspname)).toEqual([
      'core',
      'matching',
      'ops',
      'raw',
      'search',
    ]);
    const [vector] = await database.dataSource.query(
      `SELECT extversion FROM pg_extension WHERE extname = 'vector'`,
    );
    expect(vector.extversion).toMatch(/^0\.[7-9]|^[1-9]/);
  });

  it('creates the skeleton tables', async () => {
    const tables: { t: string }[] = await database.dataSource.query(
      `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables
        WHERE table_schema IN ('raw', 'core', 'search', 'matching', 'ops') ORDER BY 1`,
    );
    expect(tables.map((r) => r.t)).toEqual(
      expect.arrayContaining([
        'raw.odoo_crm_lead',
        'raw.apn_opportunity',
        'core.odoo_opportunities',
        'core.ace_opportunities',
        'search.opportunity_embeddings',
        'search.opportunity_documents',
        'matching.opportunity_matches',
        'ops.sync_runs',
        'ops.job_runs',
        'ops.audit_log',
        'ops.api_keys',
        'ops.quarantine',
      ]),
    );
  });

  it('records every migration once, so running them again applies nothing', async () => {
    expect(await runMigrations(database)).toEqual([]);
    const status = await migrationStatus(database);
    expect(status.map((m) => m.name)).toEqual(ALL_MIGRATIONS.map((m) => m.name));
    expect(status.every((m) => m.applied)).toBe(true);
    const [{ count }] = await database.dataSource.query(
      'SELECT count(*)::int AS count FROM typeorm_migrations',
    );
    expect(count).toBe(ALL_MIGRATIONS.length);
  });

  it('stores vectors of any dimension but refuses a wrong declared dimension', async () => {
    const insert = (dims: number, vector: string) =>
      database.dataSource.query(
        `INSERT INTO search.opportunity_embeddings
           (source, source_id, model_id, dimensions, embedding, content, content_hash)
         VALUES ('odoo', $1, 'm', $2, $3::vector, 't', 'h')`,
        [`${dims}-${vector}`, dims, vector],
      );
    await insert(3, '[1,0,0]');
    await insert(2, '[0,1]');
    await expect(insert(4, '[1,2,3]')).rejects.toThrow();
    expect(testDbKind).toMatch(/pglite|postgres/);
  });
});
