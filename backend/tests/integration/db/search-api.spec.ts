import { INestApplication } from '@nestjs/common';
import { runSamplePipeline } from '@revops/api';
import { ApiKeyService, ignoreProgress, maskName } from '@revops/core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { SearchHitDto as SearchHit } from '@revops/api/search/search-result.dto';
import { SAMPLES_DIR } from '../../fixtures/paths';
import { createTestApp, PIPELINE_MODULES } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

type Hit = SearchHit;

describeWithDatabase('search API: modes, filters, pages, masking', () => {
  useTestDatabase();
  let app: INestApplication;
  let db: DataSource;
  let analyst: string;
  let engineer: string;

  beforeAll(async () => {
    app = await createTestApp(PIPELINE_MODULES);
    db = app.get(DataSource);
    await runSamplePipeline(app, SAMPLES_DIR, 'test', ignoreProgress);
    analyst = (await app.get(ApiKeyService).create('ana', 'analyst', 'test')).key;
    engineer = (await app.get(ApiKeyService).create('eng', 'engineer', 'test')).key;
  });
  afterAll(() => app?.close());

  const get = (query: Record<string, string | number | boolean>, key = engineer) =>
    request(app.getHttpServer())
      .get('/api/v1/search/opportunities')
      .query(query)
      .set('Authorization', `Bearer ${key}`);
  const hitsOf = async (query: Record<string, string | number | boolean>): Promise<Hit[]> =>
    (await get(query).expect(200)).body.hits;

  it('keyword mode ranks by the words; semantic mode by meaning; each says which part scored', async () => {
    const keyword = await hitsOf({ q: 'Weserland', mode: 'keyword' });
    expect(keyword.length).toBeGreaterThan(0);
    for (const hit of keyword) {
      expect(`${hit.title} ${hit.customer}`).toMatch(/Weserland/i);
      expect(hit.scoreParts).toMatchObject({
        semantic: null,
        keyword: { rank: expect.any(Number) },
      });
    }
    const semantic = await hitsOf({
      q: 'Weserland Telekom moving fifteen services into containers on Kubernetes',
      mode: 'semantic',
    });
    expect(semantic[0]).toMatchObject({ source: 'ace', id: 'O2003548' });
    expect(semantic[0].scoreParts.keyword).toBeNull();
    expect(semantic[0].score).toBe(semantic[0].scoreParts.semantic?.similarity);
  });

  it('hybrid (the default) fuses the three rankings: score = Σ weight / (k + rank)', async () => {
    const response = await get({ q: 'Weserland Telekom containers on Kubernetes', limit: 20 });
    const { hits, fusion } = response.body as {
      hits: Hit[];
      fusion: { k: number; semanticWeight: number; keywordWeight: number; trigramWeight: number };
    };
    expect(fusion).toEqual({ k: 60, semanticWeight: 0.2, keywordWeight: 1, trigramWeight: 2 });
    expect(hits[0]).toMatchObject({ source: 'ace', id: 'O2003548' });
    for (const hit of hits) {
      const { semantic, keyword, trigram } = hit.scoreParts;
      const fused =
        (semantic ? fusion.semanticWeight / (fusion.k + semantic.rank) : 0) +
        (keyword ? fusion.keywordWeight / (fusion.k + keyword.rank) : 0) +
        (trigram ? fusion.trigramWeight / (fusion.k + trigram.rank) : 0);
      expect(hit.score).toBeCloseTo(fused, 5);
    }
    expect(hits.some((hit) => hit.scoreParts.semantic && hit.scoreParts.keyword)).toBe(true);
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('honours every filter, in GET and POST alike', async () => {
    const [{ country, stage }]: { country: string; stage: string }[] = await db.query(
      `SELECT country_code AS country, stage FROM search.opportunity_documents
        WHERE source = 'ace' AND country_code IS NOT NULL AND stage IS NOT NULL
        GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`,
    );
    const filtered = await hitsOf({
      q: 'cloud migration',
      source: 'ace',
      country,
      stage,
      limit: 50,
    });
    expect(filtered.length).toBeGreaterThan(0);
    for (const hit of filtered) expect(hit).toMatchObject({ source: 'ace', country, stage });

    const dated = await hitsOf({
      q: 'cloud migration',
      closeDateFrom: '2026-01-01',
      closeDateTo: '2026-06-30',
      amountMin: 50000,
      amountMax: 500000,
      limit: 50,
    });
    expect(dated.length).toBeGreaterThan(0);
    const totals: { source: string; source_id: string; amount_total: string }[] = await db.query(
      `SELECT source, source_id, amount_total FROM search.opportunity_documents`,
    );
    const total = new Map(
      totals.map((t) => [`${t.source}:${t.source_id}`, Number(t.amount_total)]),
    );
    for (const hit of dated) {
      expect(hit.closeDate! >= '2026-01-01' && hit.closeDate! <= '2026-06-30').toBe(true);
      expect(total.get(`${hit.source}:${hit.id}`)).toBeGreaterThanOrEqual(50000);
      expect(total.get(`${hit.source}:${hit.id}`)).toBeLessThanOrEqual(500000);
    }

    const posted = await request(app.getHttpServer())
      .post('/api/v1/search/opportunities')
      .set('Authorization', `Bearer ${engineer}`)
      .send({ q: 'cloud migration', source: 'ace', country: [country], stage: [stage], limit: 50 })
      .expect(200);
    expect(posted.body.hits).toEqual(filtered);
  });

  it('shows the linked match and filters on having one', async () => {
    // The pipeline matched the samples; a rejected pair is not a link.
    const [link] = await db.query(
      `SELECT odoo_id, ace_id FROM matching.opportunity_matches
        WHERE status = 'auto_linked' ORDER BY id LIMIT 1`,
    );
    const title = async (source: string, id: string): Promise<string> =>
      (
        await db.query(
          'SELECT title FROM search.opportunity_documents WHERE source = $1 AND source_id = $2',
          [source, id],
        )
      )[0].title;
    const matched = await hitsOf({
      q: await title('odoo', link.odoo_id),
      mode: 'keyword',
      hasMatch: true,
      limit: 100,
    });
    expect(matched.every((hit) => hit.match !== null)).toBe(true);
    expect(
      matched.find((hit) => hit.source === 'odoo' && hit.id === link.odoo_id)?.match,
    ).toMatchObject({
      status: 'auto_linked',
      counterpart: { source: 'ace', id: link.ace_id, title: await title('ace', link.ace_id) },
    });

    const [lone] = await db.query(
      `SELECT d.source_id FROM search.opportunity_documents d
        WHERE d.source = 'odoo'
          AND NOT EXISTS (SELECT 1 FROM matching.opportunity_matches m WHERE m.odoo_id = d.source_id)
        ORDER BY d.source_id LIMIT 1`,
    );
    await db.query(
      `INSERT INTO matching.opportunity_matches (odoo_id, ace_id, status, probability, score, explanation)
       VALUES ($1, $2, 'rejected', 0.4, -0.4, '{}')`,
      [lone.source_id, link.ace_id],
    );
    const unmatched = await hitsOf({
      q: await title('odoo', lone.source_id),
      mode: 'keyword',
      hasMatch: false,
      limit: 100,
    });
    expect(unmatched.map((hit) => hit.id)).toContain(lone.source_id);
    expect(unmatched.map((hit) => hit.id)).not.toContain(link.odoo_id);
    expect(unmatched.every((hit) => hit.match === null)).toBe(true);
  });

  it('pages with a cursor: two pages of 5 are the first 10, then the cursor is refused elsewhere', async () => {
    const query = { q: 'data platform for analytics', limit: 5 };
    const first = (await get(query).expect(200)).body;
    const second = (await get({ ...query, cursor: first.nextCursor }).expect(200)).body;
    const ten = await hitsOf({ ...query, limit: 10 });
    expect([...first.hits, ...second.hits].map((h: Hit) => h.id)).toEqual(ten.map((h) => h.id));

    const elsewhere = await get({ q: 'something else', limit: 5, cursor: first.nextCursor });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.fields).toEqual([expect.objectContaining({ field: 'cursor' })]);
    expect((await get({ ...query, cursor: 'not-a-cursor' })).status).toBe(400);
  });

  it('masks contact names, emails and phone numbers for analysts, not for engineers', async () => {
    const [row] = await db.query(
      `SELECT source_id, title, contact_name FROM search.opportunity_documents
        WHERE source = 'odoo' AND email LIKE '%@%' AND phone ~ '[0-9]{4}'
          AND contact_name ~ '\\S \\S' LIMIT 1`,
    );
    const find = async (key: string): Promise<Hit> => {
      const response = await get({ q: row.title, mode: 'keyword', limit: 100 }, key).expect(200);
      return (response.body.hits as Hit[]).find((hit) => hit.id === row.source_id) as Hit;
    };
    const clear = await find(engineer);
    expect(clear.contact.email).toMatch(/^[^*]+@/);
    expect(clear.contact.name).toBe(row.contact_name);
    const masked = await find(analyst);
    expect(masked.contact.name).toBe(maskName(row.contact_name));
    expect(masked.contact.name).not.toBe(row.contact_name);
    expect(masked.contact.email).toMatch(/^.\*\*\*@/);
    expect(masked.contact.phone).toMatch(/^[^0-9]*(\*[^0-9]*)+\d[^0-9]*\d$/);
    expect(masked.contact.email).not.toBe(clear.contact.email);
  });

  it('answers 400 naming the field for a bad mode, filter or an over-long q', async () => {
    const response = await get({ q: 'x'.repeat(1001), mode: 'fuzzy', country: 'Brazil' });
    expect(response.status).toBe(400);
    expect(response.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'country',
      'mode',
      'q',
    ]);
  });
});
