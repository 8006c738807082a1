import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CandidateKey, PairFeatures } from './scoring/pair-features';

/** Whose candidates: these ACE opportunities' or these Odoo leads' (null: all live ones). */
export interface Focus {
  side: 'ace' | 'odoo';
  ids: string[] | null;
}

export interface CandidateOptions {
  /** A key naming more records than this on either side is not discriminative: ignored. */
  maxKeyRecords: number;
  /** pg_trgm similarity at which two normalised customer names make a candidate. */
  nameSimilarity: number;
  /** Nearest opportunities of the other source taken per opportunity, by vector. */
  neighbours: number;
  /** The embedding model whose vectors are compared; null when nothing is embedded. */
  model: EmbeddingModel | null;
}

export interface EmbeddingModel {
  id: string;
  dimensions: number;
}

/** Candidate pairs, `ace:odoo` → the keys that found the pair. */
export type CandidateSet = Map<string, Set<CandidateKey>>;

// Matching reads live CORE rows only: not deleted, not held back by validation. ACE
// national-security redactions name no customer: they are reported, never matched.
const LIVE_ACE = `a.deleted_at IS NULL AND NOT a.is_national_security AND NOT EXISTS (
  SELECT 1 FROM ops.validation_holds h WHERE h.entity = 'ace-opportunities' AND h.record_id = a.ace_id)`;
const LIVE_ODOO = `o.deleted_at IS NULL AND NOT EXISTS (
  SELECT 1 FROM ops.validation_holds h
   WHERE h.entity = 'odoo-opportunities' AND h.record_id = o.odoo_id::text)`;
// $1: ACE ids or null, $2: Odoo ids or null.
const FOCUS = `($1::text[] IS NULL OR a.ace_id = ANY ($1)) AND ($2::int[] IS NULL OR o.odoo_id = ANY ($2))`;

/**
 * Candidate generation (blocking) and the features of candidate pairs: set-based SQL over
 * CORE and the search vectors, one statement per key, so each is readable on its own.
 */
@Injectable()
export class CandidatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The model with the latest vectors: the one the embedding worker writes now. */
  async embeddingModel(): Promise<EmbeddingModel | null> {
    const rows: { id: string; dimensions: number }[] = await this.dataSource.query(
      `SELECT model_id AS id, dimensions FROM search.opportunity_embeddings
        GROUP BY model_id, dimensions ORDER BY max(embedded_at) DESC LIMIT 1`,
    );
    return rows[0] ?? null;
  }

  /** Live, matchable ACE opportunity ids (not redacted, not held back). */
  async matchableAceIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT a.ace_id AS id FROM core.ace_opportunities a WHERE ${LIVE_ACE} ORDER BY 1`,
    );
    return rows.map((r) => r.id);
  }

  /** Every candidate pair of the focus opportunities, with the keys that found it. */
  async candidates(focus: Focus, options: CandidateOptions): Promise<CandidateSet> {
    const ids = [
      focus.side === 'ace' ? focus.ids : null,
      focus.side === 'odoo' ? (focus.ids?.map(Number) ?? null) : null,
    ];
    const capped = [...ids, options.maxKeyRecords];
    const found: CandidateSet = new Map();
    const add = (key: CandidateKey, rows: { aceId: string; odooId: string }[]) => {
      for (const { aceId, odooId } of rows) {
        const pair = `${aceId}:${odooId}`;
        const keys = found.get(pair) ?? new Set<CandidateKey>();
        keys.add(key);
        found.set(pair, keys);
      }
    };
    if (focus.side === 'ace' && focus.ids?.length === 0) return found;
    if (focus.side === 'odoo' && focus.ids?.length === 0) return found;
    add('reference', await this.dataSource.query(pairsSql(REFERENCE_JOIN), ids));
    add('domain', await this.dataSource.query(pairsSql(DOMAIN_JOIN, DOMAIN_NOT_FREQUENT), capped));
    add('company', await this.dataSource.query(pairsSql(COMPANY_JOIN), capped));
    add('account', await this.dataSource.query(pairsSql(ACCOUNT_JOIN), capped));
    await this.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL pg_trgm.similarity_threshold = ${Number(options.nameSimilarity)}`);
      const focusIds = focus.side === 'ace' ? ids[0] : ids[1];
      add('name', await m.query(similarNamesSql(focus.side), [focusIds, options.maxKeyRecords]));
    });
    if (options.model && options.neighbours > 0) {
      const { model, neighbours } = options;
      add('vector', await this.dataSource.transaction((m) => nearestPairs(m, focus, model, neighbours))); // prettier-ignore
    }
    return found;
  }

  /**
   * Fresh planner statistics for the tables candidate generation joins. Right after a bulk
   * load they may have none yet (autovacuum gets to them within minutes), and without them
   * PostgreSQL compares every name with every other instead of using the trigram index.
   */
  async analyze(): Promise<void> {
    await this.dataSource.query(
      'ANALYZE core.odoo_opportunities, core.ace_opportunities, core.companies, core.company_opportunities',
    );
  }

  /** Both sides' fields for each pair; pairs whose records are no longer live are left out. */
  async features(pairs: CandidateSet, model: EmbeddingModel | null): Promise<PairFeatures[]> {
    const keys = [...pairs.keys()];
    const aceIds = keys.map((k) => k.slice(0, k.lastIndexOf(':')));
    const odooIds = keys.map((k) => Number(k.slice(k.lastIndexOf(':') + 1)));
    const rows: Omit<PairFeatures, 'foundBy'>[] = await this.dataSource.query(FEATURES_SQL, [
      aceIds,
      odooIds,
      model?.id ?? null,
    ]);
    return rows.map((r) => ({
      ...r,
      nameSimilarity: r.nameSimilarity === null ? null : Number(r.nameSimilarity),
      textSimilarity: r.textSimilarity === null ? null : Number(r.textSimilarity),
      aceMonthlySpend: r.aceMonthlySpend === null ? null : Number(r.aceMonthlySpend),
      odooRevenue: r.odooRevenue === null ? null : Number(r.odooRevenue),
      foundBy: [...pairs.get(`${r.aceId}:${r.odooId}`)!],
    }));
  }
}

function pairsSql(join: string, where = 'true'): string {
  return `SELECT DISTINCT a.ace_id AS "aceId", o.odoo_id::text AS "odooId"
            FROM core.ace_opportunities a ${join}
           WHERE ${LIVE_ACE} AND ${LIVE_ODOO} AND ${FOCUS} AND ${where}`;
}

// The partner's own opportunity id, when ACE was given the Odoo lead's id.
const REFERENCE_JOIN = `JOIN core.odoo_opportunities o
  ON btrim(a.partner_opportunity_identifier) ~ '^[0-9]{1,9}$'
 AND o.odoo_id = btrim(a.partner_opportunity_identifier)::int`;

const DOMAIN_JOIN = 'JOIN core.odoo_opportunities o ON o.customer_domain = a.customer_domain';
// $3: a domain on more records than this (either source) is a shared one, not a customer.
const DOMAIN_NOT_FREQUENT = `a.customer_domain NOT IN (
  SELECT customer_domain FROM core.odoo_opportunities
   WHERE customer_domain IS NOT NULL AND deleted_at IS NULL GROUP BY 1 HAVING count(*) > $3
  UNION ALL
  SELECT customer_domain FROM core.ace_opportunities
   WHERE customer_domain IS NOT NULL AND deleted_at IS NULL GROUP BY 1 HAVING count(*) > $3)`;

// 02-transformation's companies: domain, Odoo partner, normalised name and AWS account glued.
const COMPANY_JOIN = `
  JOIN core.company_opportunities ac ON ac.source = 'ace' AND ac.source_id = a.ace_id
  JOIN core.companies c ON c.id = ac.company_id
   AND c.odoo_opportunities <= $3 AND c.ace_opportunities <= $3
  JOIN core.company_opportunities oc ON oc.company_id = c.id AND oc.source = 'odoo'
  JOIN core.odoo_opportunities o ON o.odoo_id = oc.source_id::int`;

// The ACE opportunity's AWS account is one the Odoo lead's company is known to own.
const ACCOUNT_JOIN = `
  JOIN (SELECT c.id, unnest(c.aws_account_ids) AS aws_account_id FROM core.companies c
         WHERE c.odoo_opportunities BETWEEN 1 AND $3) ca ON ca.aws_account_id = a.aws_account_id
  JOIN core.company_opportunities oc ON oc.company_id = ca.id AND oc.source = 'odoo'
  JOIN core.odoo_opportunities o ON o.odoo_id = oc.source_id::int`;

// Per focus opportunity, the (at most $2) other-source opportunities with the most similar
// normalised customer names at or above pg_trgm.similarity_threshold (`%`), nearest first
// (`<->`), by the GiST trigram index: bounded work and pairs however common a word is.
// $1: the focus ids, or null for every live one.
function similarNamesSql(focus: 'ace' | 'odoo'): string {
  const sides = {
    ace: { table: 'core.ace_opportunities', alias: 'a', id: 'ace_id', ids: 'text[]', live: LIVE_ACE }, // prettier-ignore
    odoo: { table: 'core.odoo_opportunities', alias: 'o', id: 'odoo_id', ids: 'int[]', live: LIVE_ODOO }, // prettier-ignore
  };
  const [f, n] = focus === 'ace' ? [sides.ace, sides.odoo] : [sides.odoo, sides.ace];
  return `
    SELECT a.ace_id AS "aceId", o.odoo_id::text AS "odooId"
      FROM ${f.table} ${f.alias}
      CROSS JOIN LATERAL (
        SELECT ${n.alias}.${n.id} FROM ${n.table} ${n.alias}
         WHERE ${n.alias}.customer_name_normalized % ${f.alias}.customer_name_normalized
           AND ${n.live}
         ORDER BY ${n.alias}.customer_name_normalized <-> ${f.alias}.customer_name_normalized
         LIMIT $2) ${n.alias}
     WHERE ${f.live} AND ($1::${f.ids} IS NULL OR ${f.alias}.${f.id} = ANY ($1))`;
}

/**
 * The `neighbours` nearest opportunities of the other source for each focus opportunity,
 * by the model's HNSW index (an iterative scan, since half the index is the focus's own
 * source). Liveness is checked when the features are read.
 */
async function nearestPairs(
  m: EntityManager,
  focus: Focus,
  model: EmbeddingModel,
  neighbours: number,
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
        AND ($1::text[] IS NULL OR f.source_id = ANY ($1))`,
    [focus.ids],
  );
  return rows.map((r) =>
    focus.side === 'ace'
      ? { aceId: r.focus, odooId: r.other }
      : { aceId: r.other, odooId: r.focus },
  );
}

const FEATURES_SQL = `
  SELECT a.ace_id AS "aceId", o.odoo_id::text AS "odooId",
         NULLIF(btrim(a.partner_opportunity_identifier), '') AS "partnerReference",
         CASE WHEN a.customer_name_normalized <> '' AND o.customer_name_normalized <> ''
              THEN similarity(a.customer_name_normalized, o.customer_name_normalized) END
           AS "nameSimilarity",
         a.customer_domain AS "aceDomain", o.customer_domain AS "odooDomain",
         a.aws_account_id AS "aceAccount", COALESCE(c.aws_account_ids, '{}') AS "odooAccounts",
         a.country_code AS "aceCountry", o.country_code AS "odooCountry",
         to_char(a.target_close_date, 'YYYY-MM-DD') AS "aceCloseDate",
         to_char(o.date_deadline, 'YYYY-MM-DD') AS "odooCloseDate",
         a.expected_monthly_spend AS "aceMonthlySpend",
         a.expected_contract_months AS "aceContractMonths",
         o.expected_revenue AS "odooRevenue",
         1 - (ea.embedding <=> eo.embedding) AS "textSimilarity",
         a.stage AS "aceStage", o.stage_name AS "odooStage", o.is_won AS "odooWon",
         (o.lost_reason IS NOT NULL OR (NOT o.active AND COALESCE(o.probability, 0) = 0))
           AS "odooLost"
    FROM unnest($1::text[], $2::int[]) AS p(ace_id, odoo_id)
    JOIN core.ace_opportunities a ON a.ace_id = p.ace_id
    JOIN core.odoo_opportunities o ON o.odoo_id = p.odoo_id
    LEFT JOIN core.company_opportunities oc ON oc.source = 'odoo' AND oc.source_id = o.odoo_id::text
    LEFT JOIN core.companies c ON c.id = oc.company_id
    LEFT JOIN search.opportunity_embeddings ea
      ON ea.source = 'ace' AND ea.source_id = a.ace_id AND ea.model_id = $3
    LEFT JOIN search.opportunity_embeddings eo
      ON eo.source = 'odoo' AND eo.source_id = o.odoo_id::text AND eo.model_id = $3
   WHERE ${LIVE_ACE} AND ${LIVE_ODOO}`;
