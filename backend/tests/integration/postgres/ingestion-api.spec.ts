import { INestApplication } from '@nestjs/common';
import { ApiKeyService } from '@revops/core';
import { IngestionSchedulesModule } from '@revops/ingestion';
import { IngestionSchedules } from '@revops/ingestion/ingestion.schedules';
import { ScheduleModule } from '@nestjs/schedule';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createSources } from '../../fixtures/source-databases';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

describeWithDatabase(
  'ingestion API, locks and schedules',
  () => {
    let client: Client;
    afterAll(() => client?.end());
    const database = useTestDatabase('postgres');
    const apps: INestApplication[] = [];
    afterAll(() => Promise.all(apps.map((a) => a.close())));
    let app: INestApplication;
    let db: DataSource;
    let engineer: string;
    let analyst: string;

    const newApp = async (): Promise<INestApplication> => {
      const created = await createTestApp([ScheduleModule.forRoot(), IngestionSchedulesModule]);
      apps.push(created);
      return created;
    };
    const waitForRun = async (id: string): Promise<Record<string, unknown>> => {
      for (let i = 0; i < 200; i++) {
        const response = await request(app.getHttpServer())
          .get(`/api/v1/ingestion/runs/${id}`)
          .set('Authorization', `Bearer ${engineer}`);
        if (response.body.status !== 'running') return response.body;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`run ${id} did not finish`);
    };

    beforeAll(async () => {
      client = new Client({ connectionString: database.url });
      await client.connect();
      await createSources(client);
      Object.assign(process.env, {
        ODOO_DB_URL: database.url,
        ODOO_DB_SCHEMA: 'odoo_src',
        SYNC_BATCH_SIZE: '20',
        // Ticks are called by the tests; no cron timers.
        SYNC_SCHEDULES_ENABLED: 'false',
      });
      app = await newApp();
      db = app.get(DataSource);
      const keys = app.get(ApiKeyService);
      engineer = (await keys.create('eng', 'engineer', 'test')).key;
      analyst = (await keys.create('ana', 'analyst', 'test')).key;
    });

    it('starts a sync with 202 and the run id, and answers 409 to a second one meanwhile', async () => {
      const post = () =>
        request(app.getHttpServer())
          .post('/api/v1/ingestion/odoo/sync')
          .set('Authorization', `Bearer ${engineer}`)
          .send({ mode: 'full' });
      const [a, b] = await Promise.all([post(), post()]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([202, 409]);
      const accepted = a.status === 202 ? a : b;
      const refused = a.status === 202 ? b : a;
      expect(refused.body).toMatchObject({
        error: 'conflict',
        message: 'A odoo sync is already running',
      });
      expect(accepted.body).toEqual({
        id: expect.stringMatching(/^\d+$/),
        kind: 'sync',
        status: 'running',
        links: { run: `/api/v1/ingestion/runs/${accepted.body.id}` },
      });

      const run = await waitForRun(accepted.body.id);
      expect(run).toMatchObject({
        kind: 'sync',
        name: 'odoo',
        status: 'succeeded',
        triggeredBy: 'api-key:eng',
        details: { mode: 'full' },
      });
      expect((run.counts as Record<string, number>).inserted).toBeGreaterThan(400);

      const [event] = await db.query(
        `SELECT topic, message_key, payload FROM ops.outbox_events WHERE payload->>'syncRunId' = $1`,
        [accepted.body.id],
      );
      expect(event).toMatchObject({
        topic: 'revops.ingestion.completed',
        message_key: 'odoo',
        payload: { source: 'odoo', mode: 'full', status: 'succeeded' },
      });
    });

    it('lists runs newest first a page at a time, the last page with no next cursor, and 404s an unknown run', async () => {
      const auth = { Authorization: `Bearer ${analyst}` };
      // Two finished runs more, so the walk has pages to go through.
      const db = app.get(DataSource);
      await db.query(
        `INSERT INTO ops.sync_runs (source, mode, status, finished_at)
         VALUES ('apn', 'full', 'succeeded', now()), ('apn', 'full', 'succeeded', now())`,
      );
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM ops.sync_runs');
      expect(n).toBeGreaterThanOrEqual(3);
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await request(app.getHttpServer())
          .get(`/api/v1/ingestion/runs?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
          .set(auth)
          .expect(200);
        expect(page.body.items).toHaveLength(1);
        ids.push(page.body.items[0].id);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(ids).toHaveLength(n);
      expect([...ids].sort((a, b) => Number(b) - Number(a))).toEqual(ids);
      const whole = await request(app.getHttpServer())
        .get(`/api/v1/ingestion/runs?limit=${n}`)
        .set(auth)
        .expect(200);
      expect(whole.body).toMatchObject({ nextCursor: null });
      await request(app.getHttpServer()).get('/api/v1/ingestion/runs/999999').set(auth).expect(404);
    });

    it('refuses analysts, unknown sources and modes, naming the field', async () => {
      await request(app.getHttpServer())
        .post('/api/v1/ingestion/odoo/sync')
        .set('Authorization', `Bearer ${analyst}`)
        .expect(403);
      const bad = await request(app.getHttpServer())
        .post('/api/v1/ingestion/salesforce/sync')
        .set('Authorization', `Bearer ${engineer}`)
        .send({ mode: 'full' });
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['source']);
      const badMode = await request(app.getHttpServer())
        .post('/api/v1/ingestion/odoo/sync')
        .set('Authorization', `Bearer ${engineer}`)
        .send({ mode: 'sometimes', since: 'yesterday' });
      expect(badMode.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        'mode',
        'since',
      ]);
    });

    it('runs a scheduled sync on one of two instances; the other records a skip', async () => {
      const other = await newApp();
      const results = await Promise.all([
        app.get(IngestionSchedules, { strict: false }).runNow('odoo', 'incremental'),
        other.get(IngestionSchedules, { strict: false }).runNow('odoo', 'incremental'),
      ]);
      expect(results.sort()).toEqual(['ran', 'skipped']);
      const jobs = await db.query(
        `SELECT status, details->>'reason' AS reason FROM ops.job_runs
          WHERE job_name = 'sync:odoo:incremental' ORDER BY id`,
      );
      expect(jobs.map((j: { status: string }) => j.status).sort()).toEqual([
        'skipped',
        'succeeded',
      ]);
      expect(jobs.find((j: { status: string }) => j.status === 'skipped').reason).toMatch(
        /already running; this instance skipped it/,
      );
    });

    it('marks a run left running by a dead process as abandoned at the next start', async () => {
      const [stale] = await db.query(
        `INSERT INTO ops.sync_runs (source, mode, status) VALUES ('odoo', 'full', 'running') RETURNING id`,
      );
      const response = await request(app.getHttpServer())
        .post('/api/v1/ingestion/odoo/sync')
        .set('Authorization', `Bearer ${engineer}`)
        .send({})
        .expect(202);
      await waitForRun(response.body.id);
      const [row] = await db.query('SELECT status, error FROM ops.sync_runs WHERE id = $1', [
        stale.id,
      ]);
      expect(row).toEqual({
        status: 'failed',
        error: 'abandoned: the process running this sync stopped before it finished',
      });
    });
  },
  'postgres',
);
