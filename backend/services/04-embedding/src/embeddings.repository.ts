import { Injectable } from '@nestjs/common';
import { OpportunitySource } from '@revops/models';
import { DataSource } from 'typeorm';
import { OpportunityTextFields } from './text/opportunity-text';

export interface EmbeddableOpportunity extends Omit<OpportunityTextFields, 'country'> {
  source: OpportunitySource;
  sourceId: string;
  countryCode: string | null;
}

export interface EmbeddingRow {
  source: OpportunitySource;
  sourceId: string;
  content: string;
  contentHash: string;
  vector: number[];
}

/** The only writer of search.*. */
@Injectable()
export class EmbeddingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Live CORE opportunities of both sources, in the shape the text template reads; rows
   * validation holds back (they fail an error rule) are left out.
   */
  embeddableOpportunities(): Promise<EmbeddableOpportunity[]> {
    return this.dataSource.query(`
      SELECT 'odoo' AS source, odoo_id::text AS "sourceId", name AS title,
             customer_name AS customer, NULL AS industry, country_code AS "countryCode",
             stage_name AS stage, NULL AS "useCase", description
        FROM core.odoo_opportunities o
       WHERE deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM ops.validation_holds h
                          WHERE h.entity = 'odoo-opportunities' AND h.record_id = o.odoo_id::text)
      UNION ALL
      SELECT 'ace', ace_id, title, customer_company_name, industry, country_code, stage,
             use_case, business_problem
        FROM core.ace_opportunities a
       WHERE deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM ops.validation_holds h
                          WHERE h.entity = 'ace-opportunities' AND h.record_id = a.ace_id)`);
  }

  /** Drops vectors whose CORE row is deleted, gone or held back, so search never shows them. */
  async deleteOrphans(modelId: string): Promise<number> {
    const [{ removed }]: { removed: number }[] = await this.dataSource.query(
      `WITH removed AS (
         DELETE FROM search.opportunity_embeddings e
          WHERE e.model_id = $1
            AND (NOT EXISTS (SELECT 1 FROM core.odoo_opportunities o
                              WHERE e.source = 'odoo' AND o.odoo_id::text = e.source_id
                                AND o.deleted_at IS NULL)
                 AND NOT EXISTS (SELECT 1 FROM core.ace_opportunities a
                                  WHERE e.source = 'ace' AND a.ace_id = e.source_id
                                    AND a.deleted_at IS NULL)
                 OR EXISTS (SELECT 1 FROM ops.validation_holds h
                             WHERE h.entity = CASE e.source WHEN 'odoo' THEN 'odoo-opportunities'
                                                            ELSE 'ace-opportunities' END
                               AND h.record_id = e.source_id))
          RETURNING 1)
       SELECT count(*)::int AS removed FROM removed`,
      [modelId],
    );
    return removed;
  }

  /** `source:sourceId` → content hash of what is stored for this model. */
  async storedHashes(modelId: string): Promise<Map<string, string>> {
    const rows: { key: string; content_hash: string }[] = await this.dataSource.query(
      `SELECT source || ':' || source_id AS key, content_hash
         FROM search.opportunity_embeddings WHERE model_id = $1`,
      [modelId],
    );
    return new Map(rows.map((r) => [r.key, r.content_hash]));
  }

  async upsert(modelId: string, dimensions: number, rows: EmbeddingRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO search.opportunity_embeddings
              (source, source_id, model_id, dimensions, embedding, content, content_hash)
       SELECT r.source, r.source_id, $1, $2, r.embedding::vector, r.content, r.content_hash
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           AS r(source, source_id, embedding, content, content_hash)
       ON CONFLICT (source, source_id, model_id) DO UPDATE
          SET embedding = EXCLUDED.embedding, dimensions = EXCLUDED.dimensions,
              content = EXCLUDED.content, content_hash = EXCLUDED.content_hash,
              embedded_at = now()`,
      [
        modelId,
        dimensions,
        rows.map((r) => r.source),
        rows.map((r) => r.sourceId),
        rows.map((r) => JSON.stringify(r.vector)),
        rows.map((r) => r.content),
        rows.map((r) => r.contentHash),
      ],
    );
  }

  /**
   * An HNSW index needs a fixed dimension, so each model gets its own partial index on
   * `embedding::vector(n)`; queries use the same expression to hit it.
   */
  async ensureModelIndex(modelId: string, dimensions: number): Promise<void> {
    const slug = modelId
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .slice(0, 40);
    const literal = modelId.replace(/'/g, "''");
    await this.dataSource.query(
      `CREATE INDEX IF NOT EXISTS opportunity_embeddings_hnsw_${slug}_${dimensions}
         ON search.opportunity_embeddings
         USING hnsw ((embedding::vector(${Math.trunc(dimensions)})) vector_cosine_ops)
         WHERE model_id = '${literal}'`,
    );
  }
}
