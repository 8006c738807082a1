import { INestApplication } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { OpsApiModule } from '@revops/api';
import { ApiKeyService } from '@revops/core';
import { EMBEDDER } from '@revops/embedding';
import type { Embedder } from '@revops/embedding';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

type Role = 'analyst' | 'engineer' | 'admin';

/** The ingestion settings /status reads, set for the app this suite starts. */
const SETTINGS = {
  ODOO_DB_URL: 'postgres://reader@odoo-db:5432/odoo',
  APN_CONNECTOR: 'api',
  SYNC_INCREMENTAL_CRON: '*/15 * * * *',
  SYNC_RECONCILE_CRON: '30 2 * * *',
};

/** Sets `env` for the apps a block starts and puts the previous values back after it. */
function useEnv(env: Record<string, string>): void {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const [name, value] of Object.entries(env)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
}

describeWithDatabase('ops API: runs, quarantine, events, status, me', () => {
  useTestDatabase();
  useEnv(SETTINGS);
  let app: INestApplication;
  let db: DataSource;
  const keys = {} as Record<Role, string>;
  /** Ids of the seeded rows by name. */
  const id: Record<string, string> = {};

  const get = (path: string, role: Role = 'engineer') =>
    request(app.getHttpServer()).get(`/api/v1${path}`).set('Authorization', `Bearer ${keys[role]}`);
  /** The answer's body (as supertest types it: read freely, checked by the assertions). */
  const ok = async (path: string, role: Role = 'engineer') =>
    (await get(path, role).expect(200)).body;
  const fieldsOf = async (path: string): Promise<string[]> => {
    const response = await get(path).expect(400);
    return response.body.fields.map((f: { field: string }) => f.field);
  };
  /** Every item of every page, following nextCursor; and how many pages it took. */
  const allPages = async (path: string): Promise<{ ids: string[]; pages: number }> => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page = await ok(`${path}${cursor ? `${sep}cursor=${cursor}` : ''}`);
      ids.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    return { ids, pages };
  };

  const insertId = async (sql: string, params: unknown[]): Promise<string> =>
    (await db.query(`${sql} RETURNING id::text AS id`, params))[0].id;

  async function seedRuns(): Promise<void> {
    const sync = (source: string, mode: string, status: string, error: string | null) =>
      insertId(
        `INSERT INTO ops.sync_runs (source, mode, status, started_at, finished_at, duration_ms,
                                    rows_read, rows_inserted, rows_quarantined, error, details)
         VALUES ($1, $2, $3, now(), CASE WHEN $3 = 'running' THEN NULL ELSE now() END,
                 CASE WHEN $3 = 'running' THEN NULL ELSE 1200 END, 10, 9, 1, $4, $5::jsonb)`,
        [source, mode, status, error, JSON.stringify({ triggeredBy: 'schedule', connector: 'db' })],
      );
    id.odooFull = await sync('odoo', 'full', 'succeeded', null);
    id.apnFailed = await sync('apn', 'incremental', 'failed', 'cannot read /srv/data/apn/o.json');
    id.odooRunning = await sync('odoo', 'incremental', 'running', null);

    const job = (name: string, status: string, details: object = {}, error: string | null = null) =>
      insertId(
        `INSERT INTO ops.job_runs (job_name, status, started_at, finished_at, duration_ms,
                                   triggered_by, details, error)
         VALUES ($1, $2, now(), CASE WHEN $2 = 'running' THEN NULL ELSE now() END,
                 CASE WHEN $2 = 'running' THEN NULL ELSE 50 END, 'api-key:ops', $3::jsonb, $4)`,
        [name, status, JSON.stringify(details), error],
      );
    id.transformOdoo = await job('transform:odoo-opportunities', 'succeeded', {
      odooOpportunities: 10,
      quarantined: { odooOpportunities: 1 },
    });
    // What a scheduled sync writes besides its sync run: never listed as a sync.
    id.scheduledSync = await job('sync:odoo:incremental', 'succeeded', { syncRunId: '1' });
    id.validate = await job('validate', 'succeeded');
    // A failure quoting the row it failed on: contact details an analyst must not read.
    id.transformAce = await job(
      'transform:ace-opportunities',
      'failed',
      { failedRow: { key: 'Key (email)=(ana@hospital.com)', notes: ['call +55 11 5555 0142'] }, batches: 2 }, // prettier-ignore
      'duplicate key value: Key (email)=(ana@hospital.com) already exists',
    );
    id.matchSkipped = await job('match:opportunities', 'skipped', { reason: 'busy' });
    id.embed = await job('embed:opportunities', 'succeeded', { embedded: 1 });
    id.train = await job('match:train', 'running');
  }

  async function seedQuarantine(): Promise<void> {
    const row = (
      values: { stage: string; source: string; table: string; key: string; reason: string },
      payload: object,
      run: { sync?: string; job?: string },
      extra: { inputHash?: string; resolved?: boolean } = {},
    ) =>
      insertId(
        `INSERT INTO ops.quarantine (stage, source, source_table, source_key, reason, payload,
                                     sync_run_id, job_run_id, input_hash, resolved_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, CASE WHEN $10 THEN now() END)`,
        [
          values.stage,
          values.source,
          values.table,
          values.key,
          values.reason,
          JSON.stringify(payload),
          run.sync ?? null,
          run.job ?? null,
          extra.inputHash ?? null,
          extra.resolved ?? false,
        ],
      );
    id.qIngestion = await row(
      {
        stage: 'ingestion',
        source: 'odoo',
        table: 'odoo_crm_lead',
        key: '7',
        reason: 'email_from: value too long: ana.souza@hospital.com.br',
      },
      {
        id: 7,
        name: 'SAP migration',
        contact_name: 'Ana Souza',
        email_from: 'ana.souza@hospital.com.br',
        phone: '+55 11 5555-0142',
        expected_revenue: 120000,
      },
      { sync: id.odooFull },
    );
    id.qTransformResolved = await row(
      { stage: 'transform', source: 'odoo', table: 'raw.odoo_crm_lead', key: '8', reason: 'bad date' }, // prettier-ignore
      { id: 8 },
      { job: id.transformOdoo },
      { resolved: true },
    );
    id.qEmbedding = await row(
      {
        stage: 'embedding',
        source: 'ace',
        table: 'search.opportunity_embeddings',
        key: 'ace:O3',
        reason: 'the model cannot embed this text: too long',
      },
      { source: 'ace', sourceId: 'O3', content: 'Contact: owner@partner.com' },
      { job: id.embed },
      { inputHash: 'h3' },
    );
    id.qMatching = await row(
      { stage: 'matching', source: 'odoo', table: 'core.odoo_opportunities', key: '9', reason: 'unreadable' }, // prettier-ignore
      { odooId: 9, contactName: 'Bruno Lima' },
      { job: id.matchSkipped },
    );
  }

  async function seedEvents(): Promise<void> {
    const outbox = (
      createdAt: string,
      published: boolean,
      attempts: number,
      error: string | null,
    ) =>
      // prettier-ignore
      db.query(
        `INSERT INTO ops.outbox_events (id, topic, message_key, payload, created_at, published_at,
                                        attempts, last_error)
         VALUES ($1, 'revops.ingestion.completed', 'odoo', '{}'::jsonb, $2,
                 CASE WHEN $3 THEN now() END, $4, $5)`,
        [randomUUID(), createdAt, published, attempts, error],
      );
    await outbox('2025-12-01T00:00:00Z', true, 1, null);
    await outbox('2026-01-01T00:00:00Z', false, 2, 'broker down: connect ENOENT /var/run/kafka.sock'); // prettier-ignore
    await outbox('2026-01-02T00:00:00Z', false, 0, null);

    const letter = (
      group: string,
      topic: string,
      deadLetteredAt: string | null,
      resolved = false,
      error = 'handler failed',
    ) =>
      db
        .query(
          `INSERT INTO ops.dead_letter_events (consumer_group, event_id, topic, payload_version,
                  payload, attempts, last_error, dead_lettered_at, resolved_at)
           VALUES ($1, $2, $3, 1, '{}'::jsonb, 5, $4, $5, CASE WHEN $6 THEN now() END)`,
          [group, randomUUID(), topic, error, deadLetteredAt, resolved],
        )
        .then(() => undefined);
    const embeddingUpdated = 'revops.embedding.updated';
    const changed = 'revops.transformation.opportunities-changed';
    await letter('matching', embeddingUpdated, '2026-02-01T00:00:00Z');
    await letter('matching', embeddingUpdated, '2026-02-03T00:00:00Z', false, 'duplicate key (email)=(ana@hospital.com)'); // prettier-ignore
    await letter('validation', changed, '2026-02-02T00:00:00Z');
    await letter('validation', changed, '2026-01-15T00:00:00Z', true); // resolved
    await letter('matching', changed, null); // failed once, not dead-lettered
  }

  async function seedSearchDocuments(modelId: string): Promise<void> {
    const documents: [string, string, string][] = [
      ['odoo', '1', 'h1'], // embedded, current text
      ['odoo', '2', 'h2'], // no vector yet: pending
      ['ace', 'O3', 'h3'], // the model failed on this text: quarantined
      ['odoo', '4', 'h4'], // vector of an older text: pending
    ];
    for (const [source, sourceId, hash] of documents) {
      await db.query(
        `INSERT INTO search.opportunity_documents
                (source, source_id, amount_period, content, content_hash, row_hash, source_changed_at)
         VALUES ($1, $2, 'total', 'text', $3, $3, now())`,
        [source, sourceId, hash],
      );
    }
    for (const [source, sourceId, hash] of [
      ['odoo', '1', 'h1'],
      ['odoo', '4', 'h4-old'],
      ['odoo', '2', 'h2'], // another model's vector does not count
    ]) {
      await db.query(
        `INSERT INTO search.opportunity_embeddings
                (source, source_id, model_id, dimensions, embedding, content, content_hash)
         VALUES ($1, $2, $3, 3, '[1,0,0]', 'text', $4)`,
        [source, sourceId, sourceId === '2' ? 'another-model' : modelId, hash],
      );
    }
  }

  beforeAll(async () => {
    app = await createTestApp([OpsApiModule]);
    db = app.get(DataSource);
    const apiKeys = app.get(ApiKeyService);
    for (const role of ['analyst', 'engineer', 'admin'] as const) {
      keys[role] = (await apiKeys.create(`ops-${role}`, role, 'test')).key;
    }
    await seedRuns();
    await seedQuarantine();
    await seedEvents();
    await seedSearchDocuments(app.get<Embedder>(EMBEDDER).modelId);
  });
  afterAll(() => app?.close());

  describe('GET /api/v1/runs', () => {
    it('lists sync runs from ops.sync_runs, newest first, without the scheduled-sync job rows', async () => {
      // prettier-ignore
      const page = await ok('/runs?kind=sync');
      expect(page.items.map((r: { id: string }) => r.id)).toEqual([
        id.odooRunning,
        id.apnFailed,
        id.odooFull,
      ]);
      expect(page.nextCursor).toBeNull();
      expect(page.items[1]).toEqual({
        id: id.apnFailed,
        kind: 'sync',
        name: 'apn',
        status: 'failed',
        triggeredBy: 'schedule',
        startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        finishedAt: expect.stringMatching(/Z$/),
        durationMs: 1200,
        counts: { read: 10, inserted: 9, updated: 0, unchanged: 0, deleted: 0, quarantined: 1 },
        error: 'cannot read …/o.json',
        details: { mode: 'incremental', connector: 'db' },
      });
      expect(page.items[0]).toMatchObject({
        status: 'running',
        finishedAt: null,
        durationMs: null,
      });
      expect(
        (await ok('/runs?kind=sync&name=odoo')).items.map((r: { id: string }) => r.id),
      ).toEqual([id.odooRunning, id.odooFull]);
      expect(
        (await ok('/runs?kind=sync&status=failed')).items.map((r: { id: string }) => r.id),
      ).toEqual([id.apnFailed]);
      expect((await ok('/runs?kind=sync&status=skipped')).items).toEqual([]);
    });

    it('lists the other kinds from ops.job_runs by the first part of the job name', async () => {
      const ids = async (query: string) =>
        (await ok(`/runs?${query}`)).items.map((r: { id: string }) => r.id);
      expect(await ids('kind=transform')).toEqual([id.transformAce, id.transformOdoo]);
      expect(await ids('kind=transform&name=transform:odoo-opportunities')).toEqual([
        id.transformOdoo,
      ]);
      expect(await ids('kind=transform&status=failed')).toEqual([id.transformAce]);
      expect(await ids('kind=validate')).toEqual([id.validate]);
      expect(await ids('kind=embed')).toEqual([id.embed]);
      expect(await ids('kind=match')).toEqual([id.train, id.matchSkipped]);
      expect(await ids('kind=match&name=match:train&status=succeeded')).toEqual([]);

      const [transform] = (await ok('/runs?kind=transform&name=transform:odoo-opportunities'))
        .items;
      expect(transform).toMatchObject({
        kind: 'transform',
        name: 'transform:odoo-opportunities',
        status: 'succeeded',
        triggeredBy: 'api-key:ops',
        counts: { odooOpportunities: 10, 'quarantined.odooOpportunities': 1 },
        error: null,
      });
    });

    it('masks emails and phone numbers in errors and details for analysts only', async () => {
      const path = '/runs?kind=transform&status=failed';
      const [asAnalyst] = (await ok(path, 'analyst')).items;
      expect(asAnalyst).toMatchObject({
        id: id.transformAce,
        error: 'duplicate key value: Key (email)=(a***@hospital.com) already exists',
        details: {
          failedRow: { key: 'Key (email)=(a***@hospital.com)', notes: ['call +** ** **** **42'] },
          batches: 2,
        },
        counts: { batches: 2 },
      });
      for (const role of ['engineer', 'admin'] as const) {
        const [run] = (await ok(path, role)).items;
        expect(run.error).toBe(
          'duplicate key value: Key (email)=(ana@hospital.com) already exists',
        );
        expect(run.details.failedRow).toEqual({ key: 'Key (email)=(ana@hospital.com)', notes: ['call +55 11 5555 0142'] }); // prettier-ignore
      }
    });

    it('pages with nextCursor until it is null, also when the last page is full', async () => {
      for (const limit of [1, 2, 3]) {
        const { ids, pages } = await allPages(`/runs?kind=sync&limit=${limit}`);
        expect(ids).toEqual([id.odooRunning, id.apnFailed, id.odooFull]);
        expect(pages).toBe(Math.ceil(3 / limit));
      }
      const first = await ok('/runs?kind=match&limit=1');
      expect(first.nextCursor).toBe(id.train);
      const second = await ok(`/runs?kind=match&limit=1&cursor=${first.nextCursor}`);
      expect(second).toEqual({ items: [expect.objectContaining({ id: id.matchSkipped })], nextCursor: null }); // prettier-ignore
    });

    it('refuses a missing or unknown kind, a name of another kind, bad limits and unknown parameters', async () => {
      // prettier-ignore
      expect(await fieldsOf('/runs')).toEqual(['kind']);
      expect(await fieldsOf('/runs?kind=relay')).toEqual(['kind']);
      expect(await fieldsOf('/runs?kind=sync&name=transform:odoo-opportunities')).toEqual(['name']); // prettier-ignore
      expect(await fieldsOf('/runs?kind=transform&name=validate')).toEqual(['name']);
      expect(await fieldsOf('/runs?kind=transform&name=Robert%27);DROP')).toEqual(['name']);
      expect(await fieldsOf('/runs?kind=sync&status=done')).toEqual(['status']);
      expect(await fieldsOf('/runs?kind=sync&limit=0')).toEqual(['limit']);
      expect(await fieldsOf('/runs?kind=sync&limit=501')).toEqual(['limit']);
      expect(await fieldsOf('/runs?kind=sync&cursor=1.5')).toEqual(['cursor']);
      expect(await fieldsOf('/runs?kind=sync&color=red')).toEqual(['color']);
      const wrong = await get('/runs?kind=sync&name=match:train').expect(400);
      expect(wrong.body.fields[0].problems).toEqual(['name must be a source (odoo or apn) for kind=sync']); // prettier-ignore
    });
  });

  describe('GET /api/v1/quarantine', () => {
    it('lists every stage’s rows newest first, with the run that set each aside', async () => {
      const page = await ok('/quarantine');
      expect(page.items.map((q: { id: string }) => q.id)).toEqual([
        id.qMatching,
        id.qEmbedding,
        id.qTransformResolved,
        id.qIngestion,
      ]);
      expect(page.nextCursor).toBeNull();
      expect(page.items[3]).toEqual({
        id: id.qIngestion,
        stage: 'ingestion',
        source: 'odoo',
        sourceTable: 'odoo_crm_lead',
        sourceKey: '7',
        reason: 'email_from: value too long: ana.souza@hospital.com.br',
        payload: {
          id: 7,
          name: 'SAP migration',
          contact_name: 'Ana Souza',
          email_from: 'ana.souza@hospital.com.br',
          phone: '+55 11 5555-0142',
          expected_revenue: 120000,
        },
        runId: id.odooFull,
        quarantinedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        resolvedAt: null,
      });
      expect(page.items[2]).toMatchObject({
        stage: 'transform',
        runId: id.transformOdoo,
        resolvedAt: expect.stringMatching(/Z$/),
      });
    });

    it('filters by stage, source, table and open, and pages', async () => {
      const ids = async (query: string) =>
        (await ok(`/quarantine?${query}`)).items.map((q: { id: string }) => q.id);
      expect(await ids('stage=embedding')).toEqual([id.qEmbedding]);
      expect(await ids('source=ace')).toEqual([id.qEmbedding]);
      expect(await ids('sourceTable=raw.odoo_crm_lead')).toEqual([id.qTransformResolved]);
      expect(await ids('open=true')).toEqual([id.qMatching, id.qEmbedding, id.qIngestion]);
      expect(await ids('open=false')).toEqual([id.qTransformResolved]);
      expect(await ids('stage=ingestion&open=false')).toEqual([]);
      const { ids: paged, pages } = await allPages('/quarantine?limit=3');
      expect(paged).toEqual([id.qMatching, id.qEmbedding, id.qTransformResolved, id.qIngestion]);
      expect(pages).toBe(2);
    });

    it('masks contact names, emails and phone numbers for analysts only', async () => {
      const [ingestion] = (await ok('/quarantine?stage=ingestion', 'analyst')).items;
      expect(ingestion.payload).toEqual({
        id: 7,
        name: 'SAP migration',
        contact_name: 'A*** S***',
        email_from: 'a***@hospital.com.br',
        phone: '+** ** ****-**42',
        expected_revenue: 120000,
      });
      expect(ingestion.reason).toBe('email_from: value too long: a***@hospital.com.br');
      const [embedding] = (await ok('/quarantine?stage=embedding', 'analyst')).items;
      expect(embedding.payload.content).toBe('Contact: o***@partner.com');
      const [matching] = (await ok('/quarantine?stage=matching', 'analyst')).items;
      expect(matching.payload).toEqual({ odooId: 9, contactName: 'B*** L***' });

      for (const role of ['engineer', 'admin'] as const) {
        const [row] = (await ok('/quarantine?stage=ingestion', role)).items;
        expect(row.payload.email_from).toBe('ana.souza@hospital.com.br');
        expect(row.payload.contact_name).toBe('Ana Souza');
      }
    });

    it('refuses bad filters and unknown parameters', async () => {
      expect(await fieldsOf('/quarantine?stage=load')).toEqual(['stage']);
      expect(await fieldsOf('/quarantine?open=maybe')).toEqual(['open']);
      expect(await fieldsOf('/quarantine?limit=501')).toEqual(['limit']);
      expect(await fieldsOf('/quarantine?cursor=abc')).toEqual(['cursor']);
      expect(await fieldsOf('/quarantine?sourceTable=x&q=1')).toEqual(['q']);
    });

    it('sums open rows per stage and table', async () => {
      expect(await ok('/quarantine/summary', 'analyst')).toEqual({
        open: 3,
        items: [
          { stage: 'embedding', sourceTable: 'search.opportunity_embeddings', open: 1 },
          { stage: 'ingestion', sourceTable: 'odoo_crm_lead', open: 1 },
          { stage: 'matching', sourceTable: 'core.odoo_opportunities', open: 1 },
        ],
      });
      expect(await fieldsOf('/quarantine/summary?stage=ingestion')).toEqual(['stage']);
    });
  });

  describe('GET /api/v1/events', () => {
    it('shows the outbox backlog and the open dead letters, newest first', async () => {
      const events = await ok('/events?limit=2');
      expect(events).toEqual({
        outbox: {
          unpublished: 2,
          oldestUnpublishedAt: '2026-01-01T00:00:00.000Z',
          failing: 1,
          lastError: 'broker down: connect ENOENT …/kafka.sock',
        },
        deadLetters: {
          open: 3,
          byGroup: [
            { consumerGroup: 'matching', topic: 'revops.embedding.updated', open: 2 },
            {
              consumerGroup: 'validation',
              topic: 'revops.transformation.opportunities-changed',
              open: 1,
            },
          ],
          newest: [
            {
              consumerGroup: 'matching',
              eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
              topic: 'revops.embedding.updated',
              attempts: 5,
              lastError: 'duplicate key (email)=(ana@hospital.com)',
              deadLetteredAt: '2026-02-03T00:00:00.000Z',
            },
            expect.objectContaining({
              consumerGroup: 'validation',
              deadLetteredAt: '2026-02-02T00:00:00.000Z',
            }),
          ],
        },
      });
      expect((await ok('/events')).deadLetters.newest).toHaveLength(3);
    });

    it('masks emails in errors for analysts, and refuses bad parameters', async () => {
      const events = await ok('/events?limit=1', 'analyst');
      expect(events.deadLetters.newest[0].lastError).toBe(
        'duplicate key (email)=(a***@hospital.com)',
      );
      expect(await fieldsOf('/events?limit=0')).toEqual(['limit']);
      expect(await fieldsOf('/events?topic=x')).toEqual(['topic']);
    });
  });

  describe('GET /api/v1/status', () => {
    it('shows the sync schedules from the settings, run by the ingestion service here', async () => {
      const before = Date.now();
      const { schedules } = await ok('/status', 'analyst');
      expect(schedules.runBy).toBe('ingestion-service');
      expect(schedules.problem).toBeNull();
      const item = (source: string, mode: string) =>
        schedules.items.find(
          (s: { source: string; mode: string }) => s.source === source && s.mode === mode,
        );
      expect(schedules.items).toHaveLength(4);
      expect(item('odoo', 'incremental')).toMatchObject({ enabled: true, cron: '*/15 * * * *', offReason: null }); // prettier-ignore
      expect(item('odoo', 'full')).toMatchObject({ enabled: true, cron: '30 2 * * *', offReason: null }); // prettier-ignore
      expect(item('apn', 'incremental')).toMatchObject({
        enabled: false,
        nextRunAt: null,
        offReason: 'Partner Central (APN_CONNECTOR=api) is synced nightly only',
      });
      expect(item('apn', 'full')).toMatchObject({ enabled: true });
      // When it fires: after the request, on a quarter hour / at 02:30 local time.
      const incremental = new Date(item('odoo', 'incremental').nextRunAt);
      expect(incremental.getTime()).toBeGreaterThan(before);
      expect([incremental.getMinutes() % 15, incremental.getSeconds()]).toEqual([0, 0]);
      const full = new Date(item('odoo', 'full').nextRunAt);
      expect([full.getHours(), full.getMinutes(), full.getTime() > before]).toEqual([2, 30, true]);
    });

    it('shows the embedding backlog for this process’s model, without the circuit of a worker it does not run', async () => {
      // prettier-ignore
      const { embedding } = await ok('/status');
      expect(embedding).toEqual({
        modelId: app.get<Embedder>(EMBEDDER).modelId,
        documents: 4,
        embedded: 1,
        pending: 2,
        quarantined: 1,
        modelCircuit: null,
        runBy: 'embedding-service',
      });
    });

    it('shows each kind’s newest run', async () => {
      const { latestRuns } = await ok('/status');
      expect(latestRuns).toEqual({
        sync: {
          id: id.odooRunning,
          name: 'odoo',
          status: 'running',
          startedAt: expect.stringMatching(/Z$/),
          finishedAt: null,
        },
        transform: expect.objectContaining({ id: id.transformAce, status: 'failed' }),
        validate: expect.objectContaining({ id: id.validate, name: 'validate' }),
        embed: expect.objectContaining({ id: id.embed, finishedAt: expect.stringMatching(/Z$/) }),
        match: expect.objectContaining({ id: id.train, name: 'match:train' }),
      });
      expect(await fieldsOf('/status?verbose=1')).toEqual(['verbose']);
    });
  });

  describe('GET /api/v1/me', () => {
    it('names the calling key and its role, never the key', async () => {
      for (const role of ['analyst', 'engineer', 'admin'] as const) {
        const me = await ok('/me', role);
        expect(me).toEqual({ name: `ops-${role}`, role });
        expect(JSON.stringify(me)).not.toContain(keys[role]);
      }
      await request(app.getHttpServer()).get('/api/v1/me').expect(401);
      expect(await fieldsOf('/me?who=1')).toEqual(['who']);
    });
  });

  it('opens every route to every role, and none without a key', async () => {
    const paths = ['/runs?kind=sync', '/quarantine', '/quarantine/summary', '/events', '/status', '/me']; // prettier-ignore
    const statuses: string[] = [];
    for (const path of paths) {
      const byRole = [];
      for (const role of ['analyst', 'engineer', 'admin'] as const) {
        byRole.push((await get(path, role)).status);
      }
      const anonymous = (await request(app.getHttpServer()).get(`/api/v1${path}`)).status;
      statuses.push(`${path} ${byRole.join(' ')} ${anonymous}`);
    }
    expect(statuses).toEqual(paths.map((path) => `${path} 200 200 200 401`));
  });
});

describeWithDatabase('ops API in the all-in-one composition', () => {
  useTestDatabase();
  useEnv({ ...SETTINGS, SYNC_SCHEDULES_ENABLED: 'false' });
  let app: INestApplication;
  let key: string;

  beforeAll(async () => {
    // As the all-in-one: the scheduler and the embedding worker in this process.
    app = await createTestApp([ScheduleModule.forRoot(), OpsApiModule.withEmbeddingWorker()]);
    key = (await app.get(ApiKeyService).create('ops', 'analyst', 'test')).key;
  });
  afterAll(() => app?.close());

  it('says this process runs the schedules and the worker, and shows the model circuit', async () => {
    // prettier-ignore
    const { body } = await request(app.getHttpServer())
      .get('/api/v1/status')
      .set('Authorization', `Bearer ${key}`)
      .expect(200);
    expect(body.schedules.runBy).toBe('this-process');
    expect(
      body.schedules.items.map((s: { enabled: boolean; offReason: string }) => [
        s.enabled,
        s.offReason,
      ]),
    ).toEqual(Array(4).fill([false, 'SYNC_SCHEDULES_ENABLED=false']));
    expect(body.embedding).toMatchObject({
      modelCircuit: 'closed',
      runBy: 'this-process',
      documents: 0,
      pending: 0,
    });
    expect(body.latestRuns).toEqual({
      sync: null,
      transform: null,
      validate: null,
      embed: null,
      match: null,
    });
  });
});
