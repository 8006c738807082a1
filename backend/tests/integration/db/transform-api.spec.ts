import { INestApplication } from '@nestjs/common';
import { AdvisoryLockService, ApiKeyService } from '@revops/core';
import { IngestionModule, IngestionService } from '@revops/ingestion';
import { TRANSFORM_LOCK, TransformationModule } from '@revops/transformation';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SAMPLES_DIR } from '../../fixtures/paths';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

const sampleCount = (file: string): number =>
  (JSON.parse(readFileSync(join(SAMPLES_DIR, file), 'utf8')) as unknown[]).length;

describeWithDatabase('transform API', () => {
  useTestDatabase();
  let app: INestApplication;
  let db: DataSource;
  let engineer: string;
  let analyst: string;

  const post = (entity: string, key = engineer) =>
    request(app.getHttpServer())
      .post(`/api/v1/transform/${entity}`)
      .set('Authorization', `Bearer ${key}`);
  const waitForRun = async (id: string): Promise<Record<string, unknown>> => {
    for (let i = 0; i < 300; i++) {
      const response = await request(app.getHttpServer())
        .get(`/api/v1/transform/runs/${id}`)
        .set('Authorization', `Bearer ${analyst}`)
        .expect(200);
      if (response.body.status !== 'running') return response.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`transform run ${id} did not finish`);
  };

  beforeAll(async () => {
    app = await createTestApp([IngestionModule, TransformationModule]);
    db = app.get(DataSource);
    const keys = app.get(ApiKeyService);
    engineer = (await keys.create('eng', 'engineer', 'test')).key;
    analyst = (await keys.create('ana', 'analyst', 'test')).key;
    await app.get(IngestionService).ingestSampleFiles(SAMPLES_DIR);
  });
  afterAll(() => app?.close());

  it('starts a transform with 202 and its run id; the run succeeds with its counts', async () => {
    const leads = sampleCount('odoo/crm_lead.json');
    const response = await post('odoo-opportunities').expect(202);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      kind: 'transform',
      status: 'running',
      links: { run: `/api/v1/transform/runs/${response.body.id}` },
    });
    const run = await waitForRun(response.body.id);
    expect(run).toEqual({
      id: response.body.id,
      kind: 'transform',
      name: 'transform:odoo-opportunities',
      status: 'succeeded',
      triggeredBy: 'api-key:eng',
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      finishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      durationMs: expect.any(Number),
      counts: { odooOpportunities: leads, 'quarantined.odooOpportunities': 0 },
      error: null,
      details: { odooOpportunities: leads, quarantined: { odooOpportunities: 0 } },
    });
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM core.odoo_opportunities');
    expect(n).toBe(leads);
  });

  it('transforms every entity for all: only what is still to do', async () => {
    const response = await post('all').expect(202);
    const run = await waitForRun(response.body.id);
    expect(run).toMatchObject({
      name: 'transform:opportunities',
      status: 'succeeded',
      counts: {
        odooOpportunities: 0,
        aceOpportunities: sampleCount('ace/opportunities.json'),
      },
    });
  });

  it('re-transforms one changed lead, its tabs, backslashes, quotes and line breaks intact', async () => {
    const [{ id }] = await db.query('SELECT id FROM raw.odoo_crm_lead ORDER BY id LIMIT 1');
    const name = 'Tab\there, back\\slash, "quoted", \\N is not null';
    await db.query(
      `UPDATE raw.odoo_crm_lead SET name = $2, contact_name = $3, description = $4,
              _row_hash = md5(_row_hash) WHERE id = $1`,
      [id, name, 'Ana\r\nSouza', '<p>Line one</p><p>Line\ttwo \\ end</p>'],
    );
    const run = await waitForRun((await post('odoo-opportunities').expect(202)).body.id);
    expect(run.counts).toEqual({ odooOpportunities: 1, 'quarantined.odooOpportunities': 0 });
    expect(run.details).toEqual({ odooOpportunities: 1, quarantined: { odooOpportunities: 0 } });
    const [row] = await db.query(
      'SELECT name, contact_name, description FROM core.odoo_opportunities WHERE odoo_id = $1',
      [id],
    );
    expect(row).toEqual({
      name,
      contact_name: 'Ana\r\nSouza',
      description: 'Line one\nLine two \\ end',
    });
  });

  it('answers 400 to an unknown entity, naming the ones there are', async () => {
    const response = await post('salesforce-leads').expect(400);
    expect(response.body).toMatchObject({
      error: 'invalid_input',
      message:
        'entity must be one of odoo-opportunities, ace-opportunities, aws-accounts, companies, all',
      fields: [{ field: 'entity', problems: [expect.stringContaining('ace-opportunities')] }],
    });
  });

  it('answers 409 while a transform runs', async () => {
    const release = await app.get(AdvisoryLockService).tryLock(TRANSFORM_LOCK);
    expect(release).not.toBeNull();
    try {
      const response = await post('all').expect(409);
      expect(response.body).toMatchObject({
        error: 'conflict',
        message: 'A transform is already running',
      });
    } finally {
      await release!();
    }
  });

  it('re-transforms a touched ACE opportunity into the same CORE row', async () => {
    const row = `SELECT to_jsonb(a) - 'transformed_at' - 'source_hash' AS row
                   FROM core.ace_opportunities a WHERE ace_id = $1`;
    const [{ id }] = await db.query('SELECT id FROM raw.apn_opportunity ORDER BY id LIMIT 1');
    const [before] = await db.query(row, [id]);
    await db.query(`UPDATE raw.apn_opportunity SET _row_hash = md5(_row_hash) WHERE id = $1`, [id]);
    const run = await waitForRun((await post('ace-opportunities').expect(202)).body.id);
    expect(run.counts).toEqual({ aceOpportunities: 1, 'quarantined.aceOpportunities': 0 });
    expect(run.details).toEqual({ aceOpportunities: 1, quarantined: { aceOpportunities: 0 } });
    expect(await db.query(row, [id])).toEqual([before]);
  });

  it('answers 401 without a key, 403 to an analyst, 404 to a run it does not know, 400 to what is no run id', async () => {
    const auth = { Authorization: `Bearer ${analyst}` };
    const statuses = [
      (await request(app.getHttpServer()).post('/api/v1/transform/all')).status,
      (await post('all', analyst)).status,
      (await request(app.getHttpServer()).get('/api/v1/transform/runs/999999').set(auth)).status,
      (await request(app.getHttpServer()).get('/api/v1/transform/runs/abc').set(auth)).status,
    ];
    expect(statuses).toEqual([401, 403, 404, 400]);
  });
});
