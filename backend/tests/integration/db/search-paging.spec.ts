import { INestApplication } from '@nestjs/common';
import { SearchModule } from '@revops/api';
import { SearchConfig } from '@revops/api/search/search.config';
import { searchQuery, SearchMode } from '@revops/api/search/search-query.dto';
import { SearchService } from '@revops/api/search/search.service';
import type { SearchHitDto as SearchHit } from '@revops/api/search/search-result.dto';
import { ApiKeyService } from '@revops/core';
import { EMBEDDER } from '@revops/embedding';
import type { Embedder } from '@revops/embedding';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

/** More than the default window (300), so paging must stop at the window, not the corpus. */
const DOCUMENTS = 330;
/** Texts repeat, so keyword scores tie in groups of DOCUMENTS / TEXTS. */
const TEXTS = [
  'Cloud migration of the ERP for a hospital',
  'Cloud migration of a data warehouse to a lakehouse',
  'Cloud migration: SAP on AWS for a retailer',
  'Cloud migration of call-centre software',
  'Cloud migration and a disaster recovery site',
];
/** Vectors repeat too (real ones, of these texts), so semantic similarities tie in groups. */
const VECTOR_TEXTS = [
  'hospital records',
  'retail analytics',
  'bank core system',
  'factory sensors',
  'insurance claims',
  'university courses',
  'airline bookings',
];
const Q = 'cloud migration';

type Page = { hits: SearchHit[]; nextCursor: string | null };
const keyOf = (hit: SearchHit) => `${hit.source}:${hit.id}`;

describeWithDatabase('search API: pages add up in every mode', () => {
  useTestDatabase();
  let app: INestApplication;
  let key: string;

  beforeAll(async () => {
    app = await createTestApp([SearchModule]);
    key = (await app.get(ApiKeyService).create('pager', 'engineer', 'test')).key;
    await seed(app);
  });
  afterAll(() => app?.close());

  const page = async (query: Record<string, string | number>): Promise<Page> =>
    (
      await request(app.getHttpServer())
        .get('/api/v1/search/opportunities')
        .query(query)
        .set('Authorization', `Bearer ${key}`)
        .expect(200)
    ).body;

  /** Follows nextCursor until it is null, checking that every page but the last is full. */
  const pageThrough = async (mode: SearchMode, limit: number): Promise<SearchHit[]> => {
    const pages: SearchHit[][] = [];
    let cursor: string | null = null;
    do {
      const current: Page = await page({ q: Q, mode, limit, ...(cursor ? { cursor } : {}) });
      pages.push(current.hits);
      cursor = current.nextCursor;
    } while (cursor !== null && pages.length <= DOCUMENTS);
    expect(pages.slice(0, -1).every((hits) => hits.length === limit)).toBe(true);
    return pages.flat();
  };

  /** The whole list at once, as the API's limit (100) does not allow: the service itself. */
  const deep = async (mode: SearchMode, limit: number): Promise<SearchHit[]> =>
    (await app.get(SearchService).search(searchQuery({ q: Q, mode, limit }))).hits;

  const summary = (hits: SearchHit[]) => hits.map((hit) => `${keyOf(hit)} ${hit.score}`);

  it.each(['semantic', 'keyword', 'hybrid'] as const)(
    '%s: pages of 10 give each of the window’s 300 hits once, as pages of 100 and one deep list do',
    async (mode) => {
      const window = app.get(SearchConfig).SEARCH_RANK_WINDOW;
      expect(window).toBe(300);
      const byTen = await pageThrough(mode, 10);
      expect(byTen).toHaveLength(window);
      expect(new Set(byTen.map(keyOf)).size).toBe(window);
      expect(summary(await pageThrough(mode, 100))).toEqual(summary(byTen));
      expect(summary(await deep(mode, window))).toEqual(summary(byTen));
      const scores = byTen.map((hit) => hit.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      // The corpus is built of ties: the order among equal scores is what is on trial.
      const part = (hit: SearchHit) =>
        mode === 'keyword' ? hit.scoreParts.keyword?.score : hit.scoreParts.semantic?.similarity;
      const tied = new Map<number | undefined, number>();
      for (const hit of byTen) tied.set(part(hit), (tied.get(part(hit)) ?? 0) + 1);
      // Some score is shared by more hits than two pages hold, so ties cross page borders.
      expect(Math.max(...tied.values())).toBeGreaterThan(20);
    },
  );

  it('a wider window reaches every hit, and refuses the cursors of the narrower one', async () => {
    const first = await page({ q: Q, mode: 'hybrid', limit: 10 });
    const config = app.get(SearchConfig);
    const before = config.SEARCH_RANK_WINDOW;
    config.SEARCH_RANK_WINDOW = 1000;
    try {
      const stale = await request(app.getHttpServer())
        .get('/api/v1/search/opportunities')
        .query({ q: Q, mode: 'hybrid', limit: 10, cursor: first.nextCursor! })
        .set('Authorization', `Bearer ${key}`);
      expect(stale.status).toBe(400);
      expect(stale.body.fields).toEqual([expect.objectContaining({ field: 'cursor' })]);
      for (const mode of ['semantic', 'keyword', 'hybrid'] as const) {
        const byTen = await pageThrough(mode, 10);
        expect(new Set(byTen.map(keyOf)).size).toBe(DOCUMENTS);
        expect(summary(await deep(mode, 1000))).toEqual(summary(byTen));
      }
    } finally {
      config.SEARCH_RANK_WINDOW = before;
    }
  });
});

/**
 * DOCUMENTS searchable opportunities of both sources, all holding the query's words, with
 * ids whose order by code unit and by a locale differ (`a…` and `B…`), and an HNSW index
 * for the model as the embedding worker builds it.
 */
async function seed(app: INestApplication): Promise<void> {
  const db = app.get(DataSource);
  const embedder = app.get<Embedder>(EMBEDDER);
  const vectors = await embedder.embed(VECTOR_TEXTS);
  const docs = Array.from({ length: DOCUMENTS }, (_, i) => ({
    source: i % 3 === 0 ? 'ace' : 'odoo',
    sourceId: `${i % 2 === 0 ? 'a' : 'B'}-${i}`,
    content: TEXTS[i % TEXTS.length],
    vector: JSON.stringify(vectors[i % vectors.length]),
  }));
  const column = (field: keyof (typeof docs)[number]) => docs.map((d) => d[field]);
  await db.query(
    `INSERT INTO search.opportunity_documents
            (source, source_id, title, amount_period, content, content_hash, row_hash,
             source_changed_at)
     SELECT source, source_id, content, 'total', content, md5(content), md5(source_id), now()
       FROM unnest($1::text[], $2::text[], $3::text[]) AS d(source, source_id, content)`,
    [column('source'), column('sourceId'), column('content')],
  );
  await db.query(
    `INSERT INTO search.opportunity_embeddings
            (source, source_id, model_id, dimensions, embedding, content, content_hash)
     SELECT source, source_id, $4, $5, vector::vector, content, md5(content)
       FROM unnest($1::text[], $2::text[], $3::text[], $6::text[])
         AS d(source, source_id, vector, content)`,
    [
      column('source'),
      column('sourceId'),
      column('vector'),
      embedder.modelId,
      embedder.dimensions,
      column('content'),
    ],
  );
  const dims = Math.trunc(embedder.dimensions);
  await db.query(
    `CREATE INDEX paging_hnsw ON search.opportunity_embeddings
       USING hnsw ((embedding::vector(${dims})) vector_cosine_ops)
      WHERE model_id = '${embedder.modelId.replace(/'/g, "''")}'`,
  );
  await db.query('ANALYZE search.opportunity_documents');
}
