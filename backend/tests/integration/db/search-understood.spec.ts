import { INestApplication } from '@nestjs/common';
import { runSamplePipeline } from '@revops/api';
import type { SearchResultDto } from '@revops/api/search/search-result.dto';
import { ApiKeyService, ignoreProgress } from '@revops/core';
import { EMBEDDER } from '@revops/embedding';
import type { Embedder } from '@revops/embedding';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SAMPLES_DIR } from '../../fixtures/paths';
import { createTestApp, PIPELINE_MODULES } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

/** The customer's longest word with its middle letter dropped: "Hospital" → "Hospial". */
function dropLetter(name: string): string {
  return inLongestWord(name, (word) => {
    const at = Math.floor(word.length / 2);
    return word.slice(0, at) + word.slice(at + 1);
  });
}

/** The customer's longest word with its two middle letters swapped: "Hospital" → "Hosiptal". */
function swapLetters(name: string): string {
  return inLongestWord(name, (word) => {
    const at = Math.floor(word.length / 2) - 1;
    return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  });
}

function inLongestWord(name: string, change: (word: string) => string): string {
  const words = name.split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  return words.map((word) => (word === longest ? change(word) : word)).join(' ');
}

describeWithDatabase('search in an analyst’s words: typos, places, industries, stages', () => {
  useTestDatabase();
  let app: INestApplication;
  let db: DataSource;
  let key: string;

  beforeAll(async () => {
    app = await createTestApp(PIPELINE_MODULES);
    db = app.get(DataSource);
    await runSamplePipeline(app, SAMPLES_DIR, 'test', ignoreProgress);
    key = (await app.get(ApiKeyService).create('eng', 'engineer', 'test')).key;
  });
  afterAll(() => app?.close());

  const search = async (query: Record<string, string | number | boolean>) =>
    (
      await request(app.getHttpServer())
        .get('/api/v1/search/opportunities')
        .query(query)
        .set('Authorization', `Bearer ${key}`)
        .expect(200)
    ).body as SearchResultDto;

  it('finds a customer from its name with a letter dropped or two swapped, first, for ≥ 90% of customers', async () => {
    const customers: { customer: string; key: string }[] = await db.query(
      `SELECT DISTINCT ON (customer_key) customer, customer_key AS key
         FROM search.opportunity_documents
        WHERE customer_key IS NOT NULL AND length(customer) >= 8
        ORDER BY customer_key, source, source_id`,
    );
    expect(customers.length).toBeGreaterThan(50);
    const keyOf = new Map<string, string>(
      (
        await db.query(
          `SELECT source || ':' || source_id AS id, customer_key FROM search.opportunity_documents`,
        )
      ).map((row: { id: string; customer_key: string }) => [row.id, row.customer_key]),
    );
    for (const typo of [dropLetter, swapLetters]) {
      const missed: string[] = [];
      for (const { customer, key: wanted } of customers) {
        const q = typo(customer);
        const { hits } = await search({ q, limit: 1 });
        if (hits.length === 0 || keyOf.get(`${hits[0].source}:${hits[0].id}`) !== wanted) {
          missed.push(`${q} (${customer})`);
        }
      }
      const found = 1 - missed.length / customers.length;
      if (found < 0.9) console.warn(`${typo.name}: missed ${missed.join('; ')}`);
      expect(found).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('ranks names by trigram similarity in its own mode, accents and case ignored', async () => {
    const [{ customer }]: { customer: string }[] = await db.query(
      `SELECT customer FROM search.opportunity_documents
        WHERE customer ~ '[áéíóúãõçâêôü]' ORDER BY source, source_id LIMIT 1`,
    );
    const plain = customer.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase();
    const asWritten = await search({ q: customer, mode: 'trigram', limit: 5, interpret: false });
    const { hits } = await search({ q: plain, mode: 'trigram', limit: 5, interpret: false });
    expect(hits[0].customer).toBe(customer);
    expect(hits[0].scoreParts).toMatchObject({ semantic: null, keyword: null });
    expect(hits[0].scoreParts.trigram).toMatchObject({ rank: 1 });
    expect(hits[0].scoreParts.trigram).toEqual(asWritten.hits[0].scoreParts.trigram);
    expect(hits.map((hit) => hit.score)).toEqual(asWritten.hits.map((hit) => hit.score));
  });

  it('understands "hospital group in Brazil": a country filter and an industry, unless interpret=false', async () => {
    const understood = await search({ q: 'hospital group in Brazil', limit: 50 });
    expect(understood.interpreted).toEqual({
      text: 'hospital group',
      country: 'BR',
      industry: 'Healthcare',
    });
    expect(understood.hits.length).toBeGreaterThan(0);
    for (const hit of understood.hits) expect(hit.country).toBe('BR');

    const literal = await search({ q: 'hospital group in Brazil', limit: 50, interpret: false });
    expect(literal.interpreted).toBeNull();
    expect(literal.hits.some((hit) => hit.country !== 'BR')).toBe(true);

    // An explicit filter wins over the words.
    const explicit = await search({ q: 'hospital group in Brazil', country: 'PT', limit: 50 });
    expect(explicit.interpreted).toEqual({ text: 'hospital group', industry: 'Healthcare' });
    for (const hit of explicit.hits) expect(hit.country).toBe('PT');
  });

  it('ranks a whole word above a word that only shares its stem ("hospital", "hospitality")', async () => {
    const { hits } = await search({ q: 'hospital', mode: 'keyword', limit: 100, interpret: false });
    const texts: { id: string; content: string }[] = await db.query(
      `SELECT source || ':' || source_id AS id, content FROM search.opportunity_documents`,
    );
    const content = new Map(texts.map((t) => [t.id, t.content.toLowerCase()]));
    const exact = hits.map((hit) => /\bhospital\b/.test(content.get(`${hit.source}:${hit.id}`)!));
    expect(exact).toContain(true);
    expect(exact).toContain(false);
    // Every whole-word hit before the first stem-only one.
    expect(exact.indexOf(false)).toBeGreaterThan(exact.lastIndexOf(true));
  });

  it.each(['qualified', 'QUALIFIED', 'won', 'Won', 'lost', 'open'])(
    'stage=%s, in any case, finds hits in both sources',
    async (stage) => {
      const { hits } = await search({ q: 'cloud', stage, limit: 100, interpret: false });
      expect(new Set(hits.map((hit) => hit.source))).toEqual(new Set(['odoo', 'ace']));
      const category: { id: string; stage_category: string; stage: string }[] = await db.query(
        `SELECT source || ':' || source_id AS id, stage_category, stage
           FROM search.opportunity_documents`,
      );
      const byId = new Map(category.map((c) => [c.id, c]));
      for (const hit of hits) {
        const doc = byId.get(`${hit.source}:${hit.id}`)!;
        expect([doc.stage.toLowerCase(), doc.stage_category]).toContain(stage.toLowerCase());
      }
    },
  );

  it('embeds a query once however many of its pages are read', async () => {
    const model = app.get<Embedder>(EMBEDDER);
    const embed = jest.spyOn(model, 'embed');
    try {
      const q = 'an ERP moving to the cloud, read page by page';
      const first = await search({ q, mode: 'semantic', limit: 5 });
      const second = await search({ q, mode: 'semantic', limit: 5, cursor: first.nextCursor! });
      await search({ q, mode: 'hybrid', limit: 5 });
      expect(second.hits.length).toBe(5);
      const calls = embed.mock.calls.filter(([texts]) => texts.includes(q));
      expect(calls).toHaveLength(1);
    } finally {
      embed.mockRestore();
    }
  });

  it('lists what the filters keep when the whole query is understood ("won deals")', async () => {
    const result = await search({ q: 'won deals', limit: 100 });
    expect(result.interpreted).toEqual({ text: '', stage: 'won' });
    const [{ won }]: { won: number }[] = await db.query(
      `SELECT count(*)::int AS won FROM search.opportunity_documents WHERE stage_category = 'won'`,
    );
    expect(result.hits).toHaveLength(Math.min(100, won));
    expect(new Set(result.hits.map((hit) => hit.stage))).toEqual(new Set(['Won', 'Launched']));
  });
});
