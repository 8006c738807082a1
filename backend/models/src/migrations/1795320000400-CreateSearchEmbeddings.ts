import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per (opportunity, model). The vector column has no fixed dimension so a new
 * model needs no schema change; each model gets its own partial HNSW index on
 * `embedding::vector(n)`, created by the embedding service the first time it writes.
 */
export class CreateSearchEmbeddings1795320000400 implements MigrationInterface {
  name = 'CreateSearchEmbeddings1795320000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search.opportunity_embeddings (
        id bigserial PRIMARY KEY,
        source text NOT NULL CHECK (source IN ('odoo', 'ace')),
        source_id text NOT NULL,
        model_id text NOT NULL,
        dimensions integer NOT NULL CHECK (dimensions > 0),
        embedding vector NOT NULL,
        content text NOT NULL,
        content_hash text NOT NULL,
        embedded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (source, source_id, model_id),
        CHECK (vector_dims(embedding) = dimensions)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS search.opportunity_embeddings');
  }
}
