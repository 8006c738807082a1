import { INestApplication } from '@nestjs/common';
import { IngestionModule } from '@revops/ingestion';
import { OdooApiConnector, OdooApiOptions } from '@revops/ingestion/connectors/odoo-api.connector';
import { modelFor } from '@revops/ingestion/connectors/odoo-api.domain';
import { PageRequest } from '@revops/ingestion/connectors/source-connector';
import { RAW_TABLES, RawTableSpec } from '@revops/ingestion/raw/raw-table-spec';
import { SyncRunsRepository } from '@revops/ingestion/runs/sync-runs.repository';
import { cursorOf } from '@revops/ingestion/sync/cursor';
import { SyncEngine, SyncMode } from '@revops/ingestion/sync/sync-engine.service';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { OdooRpcServer, startOdooRpcServer } from '../../fixtures/odoo-rpc-server';
import { SAMPLES_DIR } from '../../fixtures/paths';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

const ODOO_TABLES = Object.values(RAW_TABLES).filter((table) => table.source === 'odoo');
/** RAW tables the fake server has a model for (the demo sample), crm_tag_rel aside. */
const SERVED = ODOO_TABLES.filter(
  (t) =>
    t.sourceTable !== 'crm_tag_rel' &&
    existsSync(join(SAMPLES_DIR, 'odoo', `${t.sourceTable}.json`)),
);
const sampleLeads = JSON.parse(readFileSync(join(SAMPLES_DIR, 'odoo/crm_lead.json'), 'utf8')) as {
  id: number;
  active: boolean;
  stage_id: number;
  partner_id: number | null;
}[];

/** Pages through a table the way the sync engine does, to see each row exactly once. */
async function readAll(connector: OdooApiConnector, table: RawTableSpec, limit: number) {
  const order = table.cursor ?? table.primaryKey;
  const rows: Record<string, unknown>[] = [];
  let request: PageRequest = { order, limit };
  for (;;) {
    const page = await connector.readPage(table, request);
    rows.push(...page);
    if (page.length < limit) return rows;
    request = { order, limit, after: cursorOf(page[page.length - 1], order) };
  }
}

function useOdooSync(protocol: 'jsonrpc' | 'json2', prepare?: (server: OdooRpcServer) => void) {
  useTestDatabase();
  const context = {} as {
    server: OdooRpcServer;
    app: INestApplication;
    db: DataSource;
    connector: (overrides?: Partial<OdooApiOptions>) => OdooApiConnector;
    sync: (
      mode: SyncMode,
      connector?: OdooApiConnector,
    ) => Promise<Awaited<ReturnType<SyncEngine['run']>>>;
    start: (mode: SyncMode) => Promise<string>;
  };
  beforeAll(async () => {
    context.server = await startOdooRpcServer();
    prepare?.(context.server);
    process.env.SYNC_BATCH_SIZE = '50';
    context.app = await createTestApp([IngestionModule]);
    context.db = context.app.get(DataSource);
    const { server, app } = context;
    context.connector = (overrides = {}) =>
      new OdooApiConnector({
        url: server.url,
        database: server.database,
        protocol,
        username: server.login,
        password: server.password,
        apiKey: server.apiKey,
        ...overrides,
      });
    context.start = (mode) => app.get(SyncRunsRepository).start('odoo', mode, {});
    context.sync = async (mode, connector = context.connector()) =>
      app.get(SyncEngine).run(connector, ODOO_TABLES, await context.start(mode), {
        mode,
        onProgress: () => {},
      });
  });
  afterAll(async () => {
    await context.app?.close();
    await context.server?.close();
  });
  return context;
}

for (const protocol of ['jsonrpc', 'json2'] as const) {
  describeWithDatabase(`odoo api connector: sync over ${protocol}`, () => {
    const t = useOdooSync(protocol, (server) => {
      // Tags as a salesperson sets them; crm_tag_rel is read through crm.lead.tag_ids.
      server.write('crm.lead', [1], { tag_ids: [2, 1] });
      server.write('crm.lead', [2], { tag_ids: [2] });
    });
    const rawCount = async (table: string, where = 'true'): Promise<number> => {
      const [row] = await t.db.query(
        `SELECT count(*)::int AS n FROM raw.${table} WHERE _deleted_at IS NULL AND ${where}`,
      );
      return row.n;
    };

    it('copies every served table in full, archived leads and many2one ids included', async () => {
      const result = await t.sync('full');
      const served = SERVED.reduce((sum, table) => sum + t.server.count(modelFor(table)), 0);
      expect(result.counts).toMatchObject({
        read: served + 3,
        inserted: served + 3,
        quarantined: 0,
        deleted: 0,
      });
      expect(result.drift).toEqual({});
      expect(result.missingTables.sort()).toEqual(
        ODOO_TABLES.filter(
          (table) => table.sourceTable !== 'crm_tag_rel' && !SERVED.includes(table),
        )
          .map((table) => table.sourceTable)
          .sort(),
      );
      for (const table of SERVED) {
        expect({ table: table.table, rows: await rawCount(table.table) }).toEqual({
          table: table.table,
          rows: t.server.count(modelFor(table)),
        });
      }
      expect(
        await t.db.query('SELECT lead_id, tag_id FROM raw.odoo_crm_tag_rel ORDER BY 1, 2'),
      ).toEqual([
        { lead_id: 1, tag_id: 1 },
        { lead_id: 1, tag_id: 2 },
        { lead_id: 2, tag_id: 2 },
      ]);

      const archived = sampleLeads.filter((lead) => !lead.active).length;
      expect(archived).toBeGreaterThan(0);
      expect(await rawCount('odoo_crm_lead', 'active = false')).toBe(archived);
      const leads: { id: number; stage_id: number; partner_id: number | null }[] = await t.db.query(
        'SELECT id, stage_id, partner_id FROM raw.odoo_crm_lead ORDER BY id',
      );
      expect(leads).toEqual(
        sampleLeads
          .map(({ id, stage_id, partner_id }) => ({ id, stage_id, partner_id }))
          .sort((a, b) => a.id - b.id),
      );
      const [stage] = await t.db.query(
        `SELECT s.name, pg_typeof(l.stage_id)::text AS type FROM raw.odoo_crm_lead l
           JOIN raw.odoo_crm_stage s ON s.id = l.stage_id WHERE l.id = 1`,
      );
      expect(stage.type).toBe('integer');
      expect(typeof stage.name).toBe('string'); // read returns the en_US name, not the jsonb

      // Only stored fields the RAW table knows were asked for, one request at a time.
      for (const call of t.server.calls.filter((c) => c.method === 'search_read')) {
        const columns =
          call.model === 'ir.model'
            ? ['model']
            : Object.keys(RAW_TABLES[`odoo_${call.model.replace(/\./g, '_')}`].columns);
        const asked = call.params.fields as string[];
        expect(asked.filter((field) => field !== 'tag_ids' && !columns.includes(field))).toEqual(
          [],
        );
      }
      expect(await rawCount('odoo_res_partner', 'display_name IS NOT NULL')).toBe(0);
      expect(t.server.maxInFlight).toBe(1);
    });

    it('counts 2 changed leads (one archived) as updated and a removed one as deleted', async () => {
      const archivedId = sampleLeads.find((lead) => !lead.active && lead.id > 2)!.id;
      t.server.write('crm.lead', [10], { name: 'Renamed over the API' });
      t.server.write('crm.lead', [archivedId], { probability: 0, expected_revenue: 1 });
      t.server.unlink('crm.lead', 12);

      const result = await t.sync('incremental');
      expect(result.counts).toMatchObject({ inserted: 0, updated: 2, deleted: 1, quarantined: 0 });
      const [renamed] = await t.db.query('SELECT name FROM raw.odoo_crm_lead WHERE id = 10');
      expect(renamed.name).toBe('Renamed over the API');
      const [removed] = await t.db.query(
        'SELECT _deleted_at IS NOT NULL AS deleted FROM raw.odoo_crm_lead WHERE id = 12',
      );
      expect(removed.deleted).toBe(true);
    });

    it('reads rows written in one second by several transactions, across pages, once each', async () => {
      const bulk = Array.from({ length: 60 }, (_, i) => 101 + i);
      const later = Array.from({ length: 20 }, (_, i) => 20 + i);
      // Odoo orders these by microseconds, then id: lower ids come after higher ones.
      t.server.write('crm.lead', bulk, { name: 'Bulk 1' }, '2030-01-01 00:00:00.100000');
      t.server.write('crm.lead', later, { name: 'Bulk 2' }, '2030-01-01 00:00:00.600000');
      t.server.write('crm.lead', [40], { name: 'Bulk 3' }, '2030-01-01 00:00:01.000000');

      const result = await t.sync('incremental');
      expect(result.counts).toMatchObject({ inserted: 0, updated: 81, deleted: 0 });
      const [cursor] = await t.db.query(
        `SELECT position FROM ops.sync_cursors WHERE source = 'odoo' AND source_table = 'crm_lead'`,
      );
      expect(cursor.position).toEqual(['2030-01-01 00:00:01', 40]);

      const all = await readAll(t.connector(), RAW_TABLES.odoo_crm_lead, 50);
      const ids = all.map((row) => Number(row.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(t.server.count('crm.lead'));
    });
  });
}

describeWithDatabase('odoo api connector: refused login', () => {
  const t = useOdooSync('jsonrpc');

  it.each([
    ['jsonrpc', { password: 'wrong-password' }],
    ['json2', { apiKey: 'wrong-key' }],
  ] as const)('fails the %s run saying Access Denied', async (protocol, credentials) => {
    const connector = t.connector({ protocol, ...credentials });
    const runId = await t.start('full');
    await expect(
      t.app.get(SyncEngine).run(connector, ODOO_TABLES, runId, {
        mode: 'full',
        onProgress: () => {},
      }),
    ).rejects.toThrow(/Access Denied/);
    const [run] = await t.db.query('SELECT status, error FROM ops.sync_runs WHERE id = $1', [
      runId,
    ]);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/^Odoo .* failed: Access Denied/);
    expect(run.error).not.toContain(Object.values(credentials)[0]);
  });
});
