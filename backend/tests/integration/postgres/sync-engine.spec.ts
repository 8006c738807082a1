import { INestApplication } from '@nestjs/common';
import { IngestionModule, IngestionService } from '@revops/ingestion';
import { PostgresSourceConnector } from '@revops/ingestion/connectors/postgres-source.connector';
import { IngestionConfig } from '@revops/ingestion/ingestion.config';
import { RAW_TABLES, RawTableSpec } from '@revops/ingestion/raw/raw-table-spec';
import { SyncRunsRepository } from '@revops/ingestion/runs/sync-runs.repository';
import { SyncEngine } from '@revops/ingestion/sync/sync-engine.service';
import { TransformationModule, TransformationService } from '@revops/transformation';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createSources, rawMatchesSource, TestSources } from '../../fixtures/source-databases';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

describeWithDatabase(
  'sync engine on a PostgreSQL source',
  () => {
    let client: Client;
    afterAll(() => client?.end());
    const database = useTestDatabase('postgres');
    let app: INestApplication;
    let ingestion: IngestionService;
    let db: DataSource;
    let sources: TestSources;
    let sourceRows: Record<string, number>;

    beforeAll(async () => {
      client = new Client({ connectionString: database.url });
      await client.connect();
      sources = await createSources(client);
      sourceRows = sources.odoo;
      Object.assign(process.env, {
        ODOO_DB_URL: database.url,
        ODOO_DB_SCHEMA: 'odoo_src',
        APN_DB_URL: database.url,
        APN_DB_SCHEMA: 'apn_src',
        SYNC_BATCH_SIZE: '50',
      });
      app = await createTestApp([IngestionModule, TransformationModule]);
      // These tests read a bad row or two alone; the share limit has tests of its own.
      app.get(IngestionConfig).SYNC_MAX_QUARANTINE_SHARE = 1;
      ingestion = app.get(IngestionService);
      db = app.get(DataSource);
    });
    afterAll(() => app?.close());

    it('copies every table in full, row for row', async () => {
      const result = await ingestion.syncSource('odoo', 'full');
      const total = Object.values(sourceRows).reduce((a, b) => a + b, 0);
      expect(result.counts).toMatchObject({
        read: total,
        inserted: total,
        quarantined: 0,
        deleted: 0,
      });
      expect(result.missingTables).toEqual([]);
      for (const table of ['crm_lead', 'res_partner', 'res_users']) {
        expect(await rawMatchesSource((sql) => db.query(sql), table)).toEqual({
          source: sourceRows[table],
          raw: sourceRows[table],
          differing: 0,
        });
      }
      const [cursor] = await db.query(
        `SELECT position FROM ops.sync_cursors WHERE source = 'odoo' AND source_table = 'crm_lead'`,
      );
      const [max] = await client
        .query('SELECT max(write_date)::text AS w FROM odoo_src.crm_lead')
        .then((r) => r.rows);
      expect(cursor.position[0]).toBe(max.w);
    });

    it('verifies RAW against the source: equal now, and a change not yet synced shows', async () => {
      const equal = await ingestion.verifySource('odoo');
      expect(equal.filter((t) => t.missing || t.extra || t.differing)).toEqual([]);
      expect(equal.find((t) => t.table === 'crm_lead')).toMatchObject({
        sourceRows: sourceRows.crm_lead,
        rawRows: sourceRows.crm_lead,
      });
      await client.query(
        `UPDATE odoo_src.res_users SET login = login || '.old' WHERE id = (SELECT min(id) FROM odoo_src.res_users)`,
      );
      const differs = await ingestion.verifySource('odoo');
      expect(differs.find((t) => t.table === 'res_users')).toMatchObject({ differing: 1 });
      await client.query(
        `UPDATE odoo_src.res_users SET login = replace(login, '.old', '') WHERE id = (SELECT min(id) FROM odoo_src.res_users)`,
      );
    });

    it('finds nothing to change in an incremental run right after', async () => {
      const result = await ingestion.syncSource('odoo', 'incremental');
      expect(result.counts).toMatchObject({ inserted: 0, updated: 0, deleted: 0, quarantined: 0 });
      // Only each table's overlap window was re-read (and crm_tag_rel, which has no
      // modification time, in full).
      const overlap = app.get(IngestionConfig).SYNC_OVERLAP_SECONDS;
      const cursors: { source_table: string; position: [string, number] }[] = await db.query(
        `SELECT source_table, position FROM ops.sync_cursors WHERE source = 'odoo'`,
      );
      let window = sourceRows.crm_tag_rel;
      for (const { source_table, position } of cursors) {
        const { rows } = await client.query(
          `SELECT count(*)::int AS n FROM odoo_src.${source_table}
            WHERE write_date >= $1::timestamp - make_interval(secs => $2)`,
          [position[0], overlap],
        );
        window += rows[0].n;
      }
      expect(result.counts.read).toBe(window);
      expect(result.counts.read).toBeLessThan(Object.values(sourceRows).reduce((a, b) => a + b));
    });

    it('reports exactly 10 changed + 2 archived rows as updated and 3 deleted', async () => {
      const now = `(SELECT max(write_date) + interval '1 hour' FROM odoo_src.crm_lead)`;
      await client.query(`
        UPDATE odoo_src.crm_lead SET name = name || ' (v2)', write_date = ${now}
         WHERE id IN (SELECT id FROM odoo_src.crm_lead WHERE active ORDER BY id LIMIT 10)`);
      await client.query(`
        UPDATE odoo_src.crm_lead SET active = false, write_date = ${now}
         WHERE id IN (SELECT id FROM odoo_src.crm_lead WHERE active ORDER BY id DESC LIMIT 2)`);
      await client.query(`
        DELETE FROM odoo_src.crm_lead
         WHERE id IN (SELECT id FROM odoo_src.crm_lead WHERE active ORDER BY id LIMIT 3 OFFSET 20)`);

      const result = await ingestion.syncSource('odoo', 'incremental');
      expect(result.counts).toMatchObject({ inserted: 0, updated: 12, deleted: 3, quarantined: 0 });
      const [run] = await db.query(
        'SELECT mode, status, rows_updated, rows_deleted FROM ops.sync_runs WHERE id = $1',
        [result.syncRunId],
      );
      expect(run).toEqual({
        mode: 'incremental',
        status: 'succeeded',
        rows_updated: 12,
        rows_deleted: 3,
      });
      expect(await rawMatchesSource((sql) => db.query(sql), 'crm_lead')).toMatchObject({
        differing: 0,
      });
      const [archived] = await db.query(
        'SELECT count(*)::int AS n FROM raw.odoo_crm_lead WHERE active = false AND _deleted_at IS NULL',
      );
      const [inSource] = await client
        .query('SELECT count(*)::int AS n FROM odoo_src.crm_lead WHERE active = false')
        .then((r) => r.rows);
      expect(archived.n).toBe(inSource.n);
    });

    it('carries the source deletes through to CORE', async () => {
      const transformed = await app.get(TransformationService).transformAll('test');
      expect(transformed.odooOpportunities).toBe(sourceRows.crm_lead);
      const [core] = await db.query(
        'SELECT count(*)::int AS deleted FROM core.odoo_opportunities WHERE deleted_at IS NOT NULL',
      );
      expect(core.deleted).toBe(3);
      // Announced through the outbox: every transformed id, the deleted ones marked.
      const events: { payload: { source: string; changed: number[]; deleted: number[] } }[] =
        await db.query(
          `SELECT payload FROM ops.outbox_events
            WHERE topic = 'revops.transformation.opportunities-changed'
              AND payload->>'jobRunId' = $1`,
          [transformed.jobRunId],
        );
      const changed = events.flatMap((e) => e.payload.changed);
      expect(changed).toHaveLength(sourceRows.crm_lead);
      expect(events.flatMap((e) => e.payload.deleted)).toHaveLength(3);
      expect(new Set(events.map((e) => e.payload.source))).toEqual(new Set(['odoo']));
    });

    it('reads a row committed late with an older write_date, inside the overlap window', async () => {
      const [cursor] = await db.query(
        `SELECT position FROM ops.sync_cursors WHERE source = 'odoo' AND source_table = 'crm_lead'`,
      );
      await client.query(
        `UPDATE odoo_src.crm_lead SET name = 'Committed late', write_date = $1::timestamp - interval '60 seconds'
          WHERE id = (SELECT min(id) FROM odoo_src.crm_lead)`,
        [cursor.position[0]],
      );
      const result = await ingestion.syncSource('odoo', 'incremental');
      expect(result.counts.updated).toBe(1);
      const [after] = await db.query(
        `SELECT position FROM ops.sync_cursors WHERE source = 'odoo' AND source_table = 'crm_lead'`,
      );
      expect(after.position).toEqual(cursor.position);
    });

    it('keeps an unknown source column in _extra and records it as drift', async () => {
      await client.query('ALTER TABLE odoo_src.crm_lead ADD COLUMN x_studio_region varchar');
      await client.query(`
        UPDATE odoo_src.crm_lead SET x_studio_region = 'LATAM', write_date = write_date + interval '2 hours'
         WHERE id = (SELECT max(id) FROM odoo_src.crm_lead)`);
      const result = await ingestion.syncSource('odoo', 'incremental');
      expect(result.drift).toEqual({ crm_lead: ['x_studio_region'] });
      const [row] = await db.query(
        `SELECT _extra FROM raw.odoo_crm_lead WHERE id = (SELECT max(id) FROM raw.odoo_crm_lead)`,
      );
      expect(row._extra).toEqual({ x_studio_region: 'LATAM' });
    });

    it('quarantines an oversized row with its reason, and the rest of its batch lands', async () => {
      await client.query(`
        UPDATE odoo_src.crm_lead SET description = repeat('x', 5 * 1024 * 1024),
               write_date = (SELECT max(write_date) + interval '3 hours' FROM odoo_src.crm_lead)
         WHERE id IN (SELECT id FROM odoo_src.crm_lead ORDER BY id LIMIT 2)`);
      const result = await ingestion.syncSource('odoo', 'incremental');
      expect(result.counts).toMatchObject({ quarantined: 2 });
      const entries = await db.query(
        `SELECT source_key, reason, length(payload->>'description') AS kept
           FROM ops.quarantine WHERE sync_run_id = $1 ORDER BY 1`,
        [result.syncRunId],
      );
      expect(entries).toHaveLength(2);
      expect(entries[0].reason).toMatch(
        /description: is 5242880 characters long, over the 1000000 limit/,
      );
      expect(entries[0].kept).toBeLessThan(10_100);
    });

    it('reads rows whose write_date is NULL in a full sync', async () => {
      await client.query(
        `UPDATE odoo_src.crm_lead SET write_date = NULL, name = 'No write date'
          WHERE id = (SELECT max(id) FROM odoo_src.crm_lead WHERE active)`,
      );
      const result = await ingestion.syncSource('odoo', 'full');
      expect(result.counts.updated).toBeGreaterThanOrEqual(1);
      const verified = await ingestion.verifySource('odoo');
      // The two oversized rows of the previous test are in the source but cannot load.
      expect(verified.find((t) => t.table === 'crm_lead')).toMatchObject({
        missing: 0,
        extra: 0,
        differing: 0,
        unloadable: 2,
      });
      // The cursor still holds a real moment, so the next incremental run can resume.
      expect((await ingestion.syncSource('odoo', 'incremental')).counts.updated).toBe(0);
    });

    it('marks a row the source deletes during the run that loaded it, in the next run', async () => {
      await client.query(`
        INSERT INTO odoo_src.crm_lead
        SELECT (jsonb_populate_record(NULL::odoo_src.crm_lead,
                 to_jsonb(l) || '{"id": 990001, "name": "Short-lived", "description": null}')).*
          FROM odoo_src.crm_lead l WHERE id = (SELECT min(id) FROM odoo_src.crm_lead)`);
      /** The source as it is when the run asks for its keys: the new lead is gone by then. */
      class DeletedMidRun extends PostgresSourceConnector {
        override async readKeys(table: RawTableSpec): Promise<string[]> {
          await client.query('DELETE FROM odoo_src.crm_lead WHERE id = 990001');
          return super.readKeys(table);
        }
      }
      const connector = new DeletedMidRun('odoo', database.url!, 'odoo_src');
      const lead = [RAW_TABLES.odoo_crm_lead];
      const runs = app.get(SyncRunsRepository);
      const run = async (mode: 'full' | 'incremental') =>
        app.get(SyncEngine).run(connector, lead, await runs.start('odoo', mode, {}), {
          mode,
          onProgress: () => {},
        });
      try {
        // RAW's keys are taken as the run starts, the source's as it ends: the lead was not
        // in RAW then, so this run leaves it; the next run finds it gone.
        expect((await run('full')).counts).toMatchObject({ inserted: 1, deleted: 0 });
        expect((await run('incremental')).counts).toMatchObject({ inserted: 0, deleted: 1 });
      } finally {
        await connector.close();
      }
      const [row] = await db.query(
        'SELECT _deleted_at IS NOT NULL AS deleted FROM raw.odoo_crm_lead WHERE id = 990001',
      );
      expect(row).toEqual({ deleted: true });
    });

    it('syncs the APN source through the same engine', async () => {
      const result = await ingestion.syncSource('apn', 'full');
      const total = Object.values(sources.apn).reduce((a, b) => a + b, 0);
      expect(result.counts).toMatchObject({ read: total, inserted: total, quarantined: 0 });
      const [raw] = await db.query('SELECT count(*)::int AS n FROM raw.apn_opportunity');
      expect(raw.n).toBe(150);
    });
  },
  'postgres',
);
