import { Injectable } from '@nestjs/common';
import { ODOO_ID_PATTERN } from '@revops/core';
import { DataSource, EntityManager } from 'typeorm';
import { MatchRecordRow } from './records/match-record';

export interface EmbeddingModel {
  id: string;
  dimensions: number;
}

// Matching reads live CORE rows only: not deleted, not held back by validation. ACE
// national-security redactions name no customer: they are reported, never matched.
const LIVE_ACE = `a.deleted_at IS NULL AND NOT a.is_national_security AND NOT EXISTS (
  SELECT 1 FROM ops.validation_holds h WHERE h.entity = 'ace-opportunities' AND h.record_id = a.ace_id)`;
const LIVE_ODOO = `o.deleted_at IS NULL AND NOT EXISTS (
  SELECT 1 FROM ops.validation_holds h
   WHERE h.entity = 'odoo-opportunities' AND h.record_id = o.odoo_id::text)`;

const ODOO_RECORDS = `
  SELECT 'odoo' AS source, o.odoo_id::text AS id, o.customer_name AS customer,
         o.customer_domain AS domain, o.country_code AS country, o.street,
         o.postal_code AS postcode, o.city, ARRAY[o.phone] AS phones, ARRAY[o.email] AS emails,
         ARRAY[o.contact_name] AS contacts, NULL AS duns,
         COALESCE(c.aws_account_ids, '{}') AS "awsAccounts", oc.company_id::text AS "companyId",
         NULL AS reference, to_char(o.date_deadline, 'YYYY-MM-DD') AS "closeDate",
         o.expected_revenue AS total, NULL AS monthly, NULL::int AS months,
         CASE WHEN o.stage_name IS NULL THEN NULL WHEN o.is_won THEN 'won'
              WHEN o.lost_reason IS NOT NULL OR (NOT o.active AND COALESCE(o.probability, 0) = 0)
              THEN 'lost' ELSE 'open' END AS stage
    FROM core.odoo_opportunities o
    LEFT JOIN core.company_opportunities oc ON oc.source = 'odoo' AND oc.source_id = o.odoo_id::text
    LEFT JOIN core.companies c ON c.id = oc.company_id
   WHERE ${LIVE_ODOO} AND ($1::int[] IS NULL OR o.odoo_id = ANY ($1))`;

const ACE_RECORDS = `
  SELECT 'ace' AS source, a.ace_id AS id, a.customer_company_name AS customer,
         a.customer_domain AS domain, a.country_code AS country, a.street,
         a.postal_code AS postcode, a.city, a.contact_phones AS phones,
         a.contact_emails AS emails, a.contact_names AS contacts, a.duns,
         CASE WHEN a.aws_account_id IS NULL THEN '{}'::text[] ELSE ARRAY[a.aws_account_id::text] END
           AS "awsAccounts",
         ac.company_id::text AS "companyId",
         NULLIF(btrim(a.partner_opportunity_identifier), '') AS reference,
         to_char(a.target_close_date, 'YYYY-MM-DD') AS "closeDate", NULL AS total,
         a.expected_monthly_spend AS monthly, a.expected_contract_months AS months, a.stage
    FROM core.ace_opportunities a
    LEFT JOIN core.company_opportunities ac ON ac.source = 'ace' AND ac.source_id = a.ace_id
   WHERE ${LIVE_ACE} AND ($1::text[] IS NULL OR a.ace_id = ANY ($1))`;

/** Pairs whose text cosine is read per statement. */
const COSINE_BATCH = 5000;

/**
 * What matching reads: the live opportunities of both sources as match records, their
 * vectors' cosines and nearest neighbours (the embedding model's HNSW index).
 */
@Injectable()
export class MatchRecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The model with the latest vectors: the one the embedding worker writes now. */
  async embeddingModel(): Promise<EmbeddingModel | null> {
    const rows: { id: string; dimensions: number }[] = await this.dataSource.query(
      `SELECT model_id AS id, dimensions FROM search.opportunity_embeddings
        GROUP BY model_id, dimensions ORDER BY max(embedded_at) DESC LIMIT 1`,
    );
    return rows[0] ?? null;
  }

  /** Live records of one source (all, or these ids). */
  async records(source: 'odoo' | 'ace', ids: string[] | null = null): Promise<MatchRecordRow[]> {
    if (source === 'odoo') {
      return this.dataSource.query(ODOO_RECORDS, [ids?.filter((id) => ODOO_ID_PATTERN.test(id)).map(Number) ?? null]); // prettier-ignore
    }
    return this.dataSource.query(ACE_RECORDS, [ids]);
  }

  /**
   * Fresh planner statistics for the tables matching joins. Right after a bulk load they
   * may have none yet (autovacuum gets to them within minutes).
   */
  async analyze(): Promise<void> {
    await this.dataSource.query(
      'ANALYZE core.odoo_opportunities, core.ace_opportunities, core.companies, core.company_opportunities, search.opportunity_embeddings', // prettier-ignore
    );
  }

  /** The cosine of each pair's two vectors (null where either has none), in pair order. */
  async textCosines(
    pairs: { aceId: string; odooId: string }[],
    model: EmbeddingModel | null,
  ): Promise<(number | null)[]> {
    if (!model) return pairs.map(() => null);
    const out: (number | null)[] = [];
    for (let i = 0; i < pairs.length; i += COSINE_BATCH) {
      const batch = pairs.slice(i, i + COSINE_BATCH);
      const rows: { cosine: number | null }[] = await this.dataSource.query(
        `SELECT 1 - (ea.embedding <=> eo.embedding) AS cosine
           FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS p(ace_id, odoo_id, n)
           LEFT JOIN search.opportunity_embeddings ea
             ON ea.source = 'ace' AND ea.source_id = p.ace_id AND ea.model_id = $3
           LEFT JOIN search.opportunity_embeddings eo
             ON eo.source = 'odoo' AND eo.source_id = p.odoo_id AND eo.model_id = $3
          ORDER BY p.n`,
        [batch.map((p) => p.aceId), batch.map((p) => p.odooId), model.id],
      );
      out.push(...rows.map((r) => (r.cosine === null ? null : Number(r.cosine))));
    }
    return out;
  }

  /**
   * The `neighbours` nearest opportunities of the other source for each focus opportunity
   * (null ids: every one of that source), by the model's HNSW index (an iterative scan,
   * since half the index is the focus's own source). Liveness is checked by the caller.
   * Every source's index scans are split over VECTOR_QUERY_PARTS connections: one scan per
   * opportunity is the slowest step of a full run, and each connection uses a core.
   */
  async vectorNeighbours(
    focus: { side: 'ace' | 'odoo'; ids: string[] | null },
    model: EmbeddingModel,
    neighbours: number,
  ): Promise<{ aceId: string; odooId: string }[]> {
    if (neighbours <= 0 || focus.ids?.length === 0) return [];
    const parts = focus.ids && focus.ids.length < 100 ? 1 : VECTOR_QUERY_PARTS;
    const results = await Promise.all(
      Array.from(
        { length: parts },
        (_, part) =>
        this.dataSource.transaction((m) => nearestPairs(m, focus, model, neighbours, { part, parts })), // prettier-ignore
      ),
    );
    return results.flat();
  }
}

/** Connections the vector neighbours of a full run are read on, side by side. */
const VECTOR_QUERY_PARTS = 2;

async function nearestPairs(
  m: EntityManager,
  focus: { side: 'ace' | 'odoo'; ids: string[] | null },
  model: EmbeddingModel,
  neighbours: number,
  split: { part: number; parts: number },
): Promise<{ aceId: string; odooId: string }[]> {
  const dims = Math.trunc(model.dimensions);
  const modelId = model.id.replace(/'/g, "''"); // literal: the partial index's predicate
  const other = focus.side === 'ace' ? 'odoo' : 'ace';
  await m.query(`SET LOCAL hnsw.ef_search = ${Math.max(40, 4 * neighbours)}`);
  await m.query('SET LOCAL hnsw.iterative_scan = relaxed_order');
  // The planner underrates the distance's cost and, on a few thousand rows, would sort the
  // whole table per opportunity (measured: 14 s instead of 0.6 s for 1,500 × 2,000).
  await m.query('SET LOCAL enable_seqscan = off');
  await m.query('SET LOCAL enable_sort = off');
  const rows: { focus: string; other: string }[] = await m.query(
    `SELECT f.source_id AS focus, n.source_id AS other
       FROM search.opportunity_embeddings f
       CROSS JOIN LATERAL (
         SELECT e.source_id FROM search.opportunity_embeddings e
          WHERE e.model_id = '${modelId}' AND e.source = '${other}'
          ORDER BY e.embedding::vector(${dims}) <=> f.embedding::vector(${dims})
          LIMIT ${Math.trunc(neighbours)}) n
      WHERE f.model_id = '${modelId}' AND f.source = '${focus.side}'
        AND ($1::text[] IS NULL OR f.source_id = ANY ($1))
        AND (hashtext(f.source_id) & 2147483647) % $2 = $3`,
    [focus.ids, split.parts, split.part],
  );
  return rows.map((r) =>
    focus.side === 'ace'
      ? { aceId: r.focus, odooId: r.other }
      : { aceId: r.other, odooId: r.focus },
  );
}
