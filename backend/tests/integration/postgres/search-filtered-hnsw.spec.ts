import { INestApplication } from '@nestjs/common';
import { SearchModule } from '@revops/api';
import { SearchRepository } from '@revops/api/search/search.repository';
import { EmbeddingModule } from '@revops/embedding';
import { EmbeddingsRepository } from '@revops/embedding/embeddings.repository';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

/**
 * The filtered nearest-neighbour query on its own, over 20,000 vectors of a 64-dimension
 * test space (random directions: what is measured is the index and the filter, not a
 * model). 1,960 rows are DE and 40 are BR. HNSW alone returns at most ef_search neighbours
 * before the filter, which would leave a DE search with a handful of hits.
 */
describeWithDatabase(
  'filtered semantic search on the HNSW index',
  () => {
    useTestDatabase('postgres');
    let app: INestApplication;
    let db: DataSource;
    let search: SearchRepository;
    const model = { id: 'test-random-64', dimensions: 64 };
    const query = Array.from({ length: 64 }, (_, i) => Math.sin(i + 1));

    beforeAll(async () => {
      app = await createTestApp([EmbeddingModule, SearchModule]);
      db = app.get(DataSource);
      search = app.get(SearchRepository);
      await db.query(`
        INSERT INTO search.opportunity_documents
               (source, source_id, title, stage, country_code, amount_period, content,
                content_hash, row_hash, source_changed_at)
        SELECT 'odoo', i::text, 'deal ' || i, CASE WHEN i % 1000 = 0 THEN 'Won' ELSE 'New' END,
               CASE WHEN i % 500 = 0 THEN 'BR' WHEN i % 10 = 0 THEN 'DE' ELSE 'US' END,
               'total', 'deal ' || i, 'h', 'h', now()
          FROM generate_series(1, 20000) i`);
      // setseed and the vectors on one connection, so every run indexes the same vectors.
      await db.transaction(async (manager) => {
        await manager.query('SELECT setseed(0.42)');
        await manager.query(`
        INSERT INTO search.opportunity_embeddings
               (source, source_id, model_id, dimensions, embedding, content, content_hash)
        SELECT 'odoo', i::text, 'test-random-64', 64,
               (SELECT array_agg(random() - 0.5) FROM generate_series(1, 64) WHERE i > 0)::vector,
               'deal ' || i, 'h'
          FROM generate_series(1, 20000) i`);
      });
      await app.get(EmbeddingsRepository).ensureModelIndex(model.id, model.dimensions);
      await db.query('ANALYZE search.opportunity_documents, search.opportunity_embeddings');
    }, 120_000);
    afterAll(() => app?.close());

    /** The repository's index query, as EXPLAIN or as rows, with iterative scans on or off. */
    const indexQuery = (country: string, iterative: boolean, explain: boolean) =>
      db.transaction(async (manager) => {
        await manager.query(
          `SET LOCAL hnsw.iterative_scan = ${iterative ? 'strict_order' : 'off'}`,
        );
        const distance = `e.embedding::vector(64) <=> $1::vector(64)`;
        return manager.query(
          `${explain ? 'EXPLAIN ' : ''}SELECT e.source_id FROM search.opportunity_embeddings e
             JOIN search.opportunity_documents d
               ON d.source = e.source AND d.source_id = e.source_id
            WHERE e.model_id = 'test-random-64' AND d.country_code = ANY ($2::text[])
            ORDER BY ${distance} LIMIT 25`,
          [JSON.stringify(query), [country]],
        );
      });

    it('fills the page from the HNSW index with an iterative scan where a plain scan falls short', async () => {
      const plan: { 'QUERY PLAN': string }[] = await indexQuery('DE', true, true);
      expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toMatch(
        /opportunity_embeddings_hnsw_test_random_64_64/,
      );
      const plain: unknown[] = await indexQuery('DE', false, false);
      expect(plain.length).toBeLessThan(25);

      const hits = await search.nearest(model, query, { country: ['DE'] }, 25, 'index');
      expect(hits).toHaveLength(25);
      for (const hit of hits) expect(Number(hit.sourceId) % 10).toBe(0);
      // strict_order: nearest first, as the exact ranking would have them.
      const scores = hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('fills the page for a very selective filter too (the planner may rank its rows exactly)', async () => {
      const hits = await search.semantic(model, query, { country: ['BR'] }, 25);
      expect(hits).toHaveLength(25);
      for (const hit of hits) expect(Number(hit.sourceId) % 500).toBe(0);
    });

    it('returns every match, exactly ranked, when fewer rows match than the page holds', async () => {
      const hits = await search.semantic(model, query, { country: ['BR'], stage: ['Won'] }, 25);
      // i % 1000 = 0 → Won, and all of those are also BR: 20 rows.
      expect(hits).toHaveLength(20);
      const scores = hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });
  },
  'postgres',
);
