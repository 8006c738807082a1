import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, OutboxRepository, TOPICS } from '@revops/core';
import type { Database } from '@revops/core';
import { OpportunitySource } from '@revops/models';
import { DataSource, EntityManager } from 'typeorm';
import { OpportunityDocument } from './text/opportunity-document';

/** A live CORE opportunity in the shape the text template and search.* read. */
export interface SourceOpportunity {
  source: OpportunitySource;
  sourceId: string;
  reference: string | null;
  title: string | null;
  customer: string | null;
  /** CORE's normalised customer name (lower case, no accents or legal form). */
  customerKey: string | null;
  industry: string | null;
  countryCode: string | null;
  stage: string | null;
  /** open, won or lost, whatever the source calls the stage. */
  stageCategory: 'open' | 'won' | 'lost';
  useCase: string | null;
  description: string | null;
  amount: string | null;
  amountPeriod: 'total' | 'monthly';
  amountTotal: string | null;
  currency: string | null;
  closeDate: string | null;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  sourceChangedAt: string;
}

export interface PendingEmbedding {
  source: OpportunitySource;
  sourceId: string;
  content: string;
  contentHash: string;
}

export interface EmbeddingRow extends PendingEmbedding {
  vector: number[];
}

/** Where the documents stand with one model (EmbeddingsRepository.backlog). */
export interface EmbeddingBacklog {
  documents: number;
  embedded: number;
  pending: number;
  quarantined: number;
}

const DOCUMENT_COLUMNS: [keyof OpportunityDocument, string, string][] = [
  ['source', 'source', 'text'],
  ['sourceId', 'source_id', 'text'],
  ['reference', 'reference', 'text'],
  ['title', 'title', 'text'],
  ['customer', 'customer', 'text'],
  ['stage', 'stage', 'text'],
  ['stageCategory', 'stage_category', 'text'],
  ['customerKey', 'customer_key', 'text'],
  ['industry', 'industry', 'text'],
  ['countryCode', 'country_code', 'text'],
  ['amount', 'amount', 'numeric'],
  ['amountPeriod', 'amount_period', 'text'],
  ['amountTotal', 'amount_total', 'numeric'],
  ['currency', 'currency', 'text'],
  ['closeDate', 'close_date', 'date'],
  ['contactName', 'contact_name', 'text'],
  ['email', 'email', 'text'],
  ['phone', 'phone', 'text'],
  ['content', 'content', 'text'],
  ['contentHash', 'content_hash', 'text'],
  ['rowHash', 'row_hash', 'text'],
  ['sourceChangedAt', 'source_changed_at', 'timestamptz'],
];

/** Which validation entity holds back rows of a source. */
const HELD = `EXISTS (SELECT 1 FROM ops.validation_holds h
                       WHERE h.entity = CASE d.source WHEN 'odoo' THEN 'odoo-opportunities'
                                                      ELSE 'ace-opportunities' END
                         AND h.record_id = d.source_id)`;

/** The only writer of search.*. */
@Injectable()
export class EmbeddingsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  /**
   * Live CORE opportunities of both sources; rows validation holds back (they fail an
   * error rule) are left out. The per-source text template is in docs/03-guides/search.md.
   */
  liveOpportunities(): Promise<SourceOpportunity[]> {
    return this.dataSource.query(`
      SELECT 'odoo' AS source, odoo_id::text AS "sourceId", NULL AS reference, name AS title,
             customer_name AS customer, customer_name_normalized AS "customerKey",
             NULL AS industry, country_code AS "countryCode", stage_name AS stage,
             stage_category AS "stageCategory", NULL AS "useCase", description,
             expected_revenue::text AS amount, 'total' AS "amountPeriod",
             expected_revenue::text AS "amountTotal", currency_code AS currency,
             date_deadline::text AS "closeDate", contact_name AS "contactName", email, phone,
             transformed_at::text AS "sourceChangedAt"
        FROM core.odoo_opportunities o
       WHERE deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM ops.validation_holds h
                          WHERE h.entity = 'odoo-opportunities' AND h.record_id = o.odoo_id::text)
      UNION ALL
      SELECT 'ace', ace_id, partner_opportunity_identifier, title, customer_company_name,
             customer_name_normalized, industry, country_code, stage, stage_category, use_case,
             business_problem,
             expected_monthly_spend::text, 'monthly', expected_total_spend::text,
             spend_currency, target_close_date::text, owner_name, owner_email, NULL,
             transformed_at::text
        FROM core.ace_opportunities a
       WHERE deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM ops.validation_holds h
                          WHERE h.entity = 'ace-opportunities' AND h.record_id = a.ace_id)`);
  }

  /** `source:sourceId` → hash of the stored document, to write only what changed. */
  async documentHashes(): Promise<Map<string, string>> {
    const rows: { key: string; row_hash: string }[] = await this.dataSource.query(
      `SELECT source || ':' || source_id AS key, row_hash FROM search.opportunity_documents`,
    );
    return new Map(rows.map((r) => [r.key, r.row_hash]));
  }

  async upsertDocuments(documents: OpportunityDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const names = DOCUMENT_COLUMNS.map(([, column]) => column);
    const arrays = DOCUMENT_COLUMNS.map(([, , type], i) => `$${i + 1}::${type}[]`);
    await this.dataSource.query(
      `INSERT INTO search.opportunity_documents (${names.join(', ')})
       SELECT * FROM unnest(${arrays.join(', ')})
       ON CONFLICT (source, source_id) DO UPDATE SET
         ${names
           .slice(2)
           .map((c) => `${c} = EXCLUDED.${c}`)
           .join(', ')},
         updated_at = now()`,
      DOCUMENT_COLUMNS.map(([field]) => documents.map((d) => d[field])),
    );
  }

  /**
   * Fresh planner statistics after a bulk write: keyword search picks the words that
   * select hits from them (how many documents hold each word).
   */
  async analyzeDocuments(): Promise<void> {
    await this.dataSource.query('ANALYZE search.opportunity_documents');
  }

  /**
   * Drops the documents and vectors (of every model) of opportunities that are deleted,
   * gone from CORE or held back, so search never shows them, and announces them.
   */
  async removeGone(): Promise<{ source: OpportunitySource; sourceId: string }[]> {
    return this.dataSource.transaction(async (manager) => {
      const removed: { source: OpportunitySource; sourceId: string }[] = await manager.query(
        `WITH removed AS (
         DELETE FROM search.opportunity_documents d
          WHERE NOT EXISTS (SELECT 1 FROM core.odoo_opportunities o
                             WHERE d.source = 'odoo' AND o.odoo_id::text = d.source_id
                               AND o.deleted_at IS NULL)
            AND NOT EXISTS (SELECT 1 FROM core.ace_opportunities a
                             WHERE d.source = 'ace' AND a.ace_id = d.source_id
                               AND a.deleted_at IS NULL)
             OR ${HELD}
          RETURNING source, source_id AS "sourceId")
         SELECT * FROM removed`,
      );
      await manager.query(
        `DELETE FROM search.opportunity_embeddings e
          WHERE NOT EXISTS (SELECT 1 FROM search.opportunity_documents d
                             WHERE d.source = e.source AND d.source_id = e.source_id)`,
      );
      if (removed.length > 0) {
        await this.announce(manager, { removed });
      }
      return removed;
    });
  }

  /**
   * Documents whose vector for this model is missing or was made from other text; all of
   * them with `rebuild`; `since` keeps those whose CORE row changed at or after it.
   */
  pendingEmbeddings(
    modelId: string,
    options: { rebuild?: boolean; since?: Date },
  ): Promise<PendingEmbedding[]> {
    return this.dataSource.query(
      `SELECT d.source, d.source_id AS "sourceId", d.content, d.content_hash AS "contentHash"
         FROM search.opportunity_documents d
         LEFT JOIN search.opportunity_embeddings e
           ON e.source = d.source AND e.source_id = d.source_id AND e.model_id = $1
        WHERE (e.content_hash IS DISTINCT FROM d.content_hash OR $2)
          AND ($3::timestamptz IS NULL OR d.source_changed_at >= $3)
        ORDER BY d.source, d.source_id`,
      [modelId, options.rebuild ?? false, options.since ?? null],
    );
  }

  /**
   * The documents and where they stand with this model: `embedded` (its vector is of the
   * current text), `pending` (the next run embeds them: pendingEmbeddings, less those
   * quarantined on this very text) and `quarantined` (they wait for their text to change).
   */
  async backlog(modelId: string): Promise<EmbeddingBacklog> {
    const [row]: EmbeddingBacklog[] = await this.dataSource.query(
      `SELECT count(*)::int AS documents,
              count(*) FILTER (WHERE e.content_hash = d.content_hash)::int AS embedded,
              count(*) FILTER (WHERE e.content_hash IS DISTINCT FROM d.content_hash
                                 AND q.id IS NULL)::int AS pending,
              count(*) FILTER (WHERE e.content_hash IS DISTINCT FROM d.content_hash
                                 AND q.id IS NOT NULL)::int AS quarantined
         FROM search.opportunity_documents d
         LEFT JOIN search.opportunity_embeddings e
           ON e.source = d.source AND e.source_id = d.source_id AND e.model_id = $1
         LEFT JOIN ops.quarantine q
           ON q.stage = 'embedding' AND q.resolved_at IS NULL
          AND q.source_table = 'search.opportunity_embeddings'
          AND q.source_key = d.source || ':' || d.source_id AND q.input_hash = d.content_hash`,
      [modelId],
    );
    return row;
  }

  /** Stores one batch of vectors and announces it, in one transaction. */
  async upsertEmbeddings(modelId: string, dimensions: number, rows: EmbeddingRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
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
      await this.announce(manager, {
        modelId,
        dimensions,
        embedded: rows.map(({ source, sourceId }) => ({ source, sourceId })),
      });
    });
  }

  /**
   * An HNSW index needs a fixed dimension, so each model gets its own partial index on
   * `embedding::vector(n)`; queries use the same expression to hit it. Built once, after a
   * model's first vectors are in (faster than growing it row by row); on PostgreSQL with
   * room for the whole graph in memory, as pgvector builds much slower once it spills.
   */
  async ensureModelIndex(modelId: string, dimensions: number): Promise<void> {
    const slug = modelId
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .slice(0, 40);
    const literal = modelId.replace(/'/g, "''");
    await this.dataSource.transaction(async (manager) => {
      if (this.database.kind === 'postgres') {
        await manager.query(`SET LOCAL maintenance_work_mem = '1GB'`);
      }
      await manager.query(
        `CREATE INDEX IF NOT EXISTS opportunity_embeddings_hnsw_${slug}_${dimensions}
           ON search.opportunity_embeddings
           USING hnsw ((embedding::vector(${Math.trunc(dimensions)})) vector_cosine_ops)
           WHERE model_id = '${literal}'`,
      );
    });
  }

  /** `revops.embedding.updated` v1; see docs/02-api/events.md. */
  private async announce(
    manager: EntityManager,
    payload: {
      modelId?: string;
      dimensions?: number;
      embedded?: { source: OpportunitySource; sourceId: string }[];
      removed?: { source: OpportunitySource; sourceId: string }[];
    },
  ): Promise<void> {
    await this.outbox.append(manager, {
      topic: TOPICS.embeddingUpdated,
      key: payload.modelId ?? 'removed',
      payload: { embedded: [], removed: [], ...payload },
    });
  }
}
