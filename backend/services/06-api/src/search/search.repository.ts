import { Injectable } from '@nestjs/common';
import { OpportunitySource } from '@revops/models';
import { DataSource, EntityManager } from 'typeorm';
import { SearchFilters } from './search-query.dto';

/** One ranked candidate of one retriever. */
export interface RankedKey {
  source: OpportunitySource;
  sourceId: string;
  /** Cosine similarity (semantic), full-text rank (keyword) or word similarity (trigram). */
  score: number;
}

export interface DocumentRow {
  source: OpportunitySource;
  source_id: string;
  reference: string | null;
  title: string | null;
  customer: string | null;
  stage: string | null;
  country_code: string | null;
  amount: string | null;
  amount_period: 'total' | 'monthly';
  currency: string | null;
  close_date: string | null;
  contact_name: string | null;
  email: string | null;
  phone: string | null;
  match_id: string | null;
  match_status: string | null;
  match_probability: number | null;
  match_other_id: string | null;
  match_other_title: string | null;
}

/** The share of documents a keyword search may rank: see `keyword`. */
const SELECT_BUDGET = 0.03;

/** A query word in fewer documents than this may name a customer: see `trigram`. */
const RARE_WORD_SHARE = 0.005;
/** The most rare words of one query looked up as parts of names: see `trigram`. */
const RARE_WORDS = 5;
/** A query of at most this many words may be a name or a title itself: see `trigram`. */
const NAME_WORDS = 5;

const words = (text: string): number => text.trim().split(/\s+/).length;

/** A lexeme quoted for tsquery input, so no parser touches it again. */
const quotedLexeme = (lexeme: string) =>
  `'''' || replace(replace(${lexeme}, '\\', '\\\\'), '''', '''''') || ''''`;

/** A linked match: auto-linked or approved. */
const LINKED = `m.status IN ('auto_linked', 'approved')`;
const MATCH_OF_D = `(d.source = 'odoo' AND m.odoo_id = d.source_id
                     OR d.source = 'ace' AND m.ace_id = d.source_id)`;

/**
 * Reads search.* (and the linked match from matching.*). Never mixes vectors of two
 * models: every vector query names one model and its dimension.
 */
@Injectable()
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The `depth` nearest documents passing the filters, by the model's HNSW index with an
   * iterative scan, so filters that skip many neighbours still fill the page. The scan
   * stops after `hnsw.max_scan_tuples`; when the filter is so selective that it has not
   * found `depth` rows by then, the few matching rows are ranked exactly instead.
   */
  async semantic(
    model: { id: string; dimensions: number },
    vector: number[],
    filters: SearchFilters,
    depth: number,
  ): Promise<RankedKey[]> {
    const approximate = await this.nearest(model, vector, filters, depth, 'index');
    if (approximate.length === depth || !hasFilters(filters)) return approximate;
    return this.nearest(model, vector, filters, depth, 'exact');
  }

  /**
   * The same query with `index` (HNSW, iterative scan) or `exact` (every filtered row's
   * distance, sorted): the bench compares the two.
   */
  nearest(
    model: { id: string; dimensions: number },
    vector: number[],
    filters: SearchFilters,
    depth: number,
    plan: 'index' | 'exact',
  ): Promise<RankedKey[]> {
    const dims = Math.trunc(model.dimensions);
    const where = filterSql(filters, 2);
    // Literal model id and dimension: the planner uses the model's partial HNSW index
    // only when the query repeats its predicate and expression exactly.
    const modelId = model.id.replace(/'/g, "''");
    const distance = `e.embedding::vector(${dims}) <=> $1::vector(${dims})`;
    const from = `FROM search.opportunity_embeddings e
                  JOIN search.opportunity_documents d
                    ON d.source = e.source AND d.source_id = e.source_id
                 WHERE e.model_id = '${modelId}' ${where.sql}`;
    const sql =
      plan === 'index'
        ? `SELECT e.source, e.source_id AS "sourceId", 1 - (${distance}) AS score
             ${from} ORDER BY ${distance} LIMIT ${depth}`
        : `WITH scored AS MATERIALIZED (
             SELECT e.source, e.source_id AS "sourceId", 1 - (${distance}) AS score ${from})
           SELECT * FROM scored ORDER BY score DESC, source, "sourceId" LIMIT ${depth}`;
    return this.dataSource.transaction(async (manager) => {
      await setSearchPlan(manager, plan, depth);
      const rows: RankedKey[] = await manager.query(sql, [JSON.stringify(vector), ...where.params]);
      return rows.map((r) => ({ ...r, score: Number(r.score) }));
    });
  }

  /**
   * Keyword hits, ranked by `ts_rank` against all the query's stems (`document`, English,
   * accents ignored) plus `ts_rank` against its whole words (`words`, unstemmed), so a
   * document holding "hospital" ranks above one that only shares its stem ("hospitality").
   * Which documents get ranked is decided by the query's rarest stems, by PostgreSQL's own
   * statistics of how many documents hold each (`most_common_elems` of the tsvector column;
   * a stem missing there is rarer than all of them), as many as together fit SELECT_BUDGET
   * of the collection: a customer's name or "ransomware" selects, "data" or "cloud" only
   * ranks. Ranking the tens of thousands of documents holding a common word would cost more
   * than the rest of the search. When even the rarest stem is over the budget, a hit needs
   * them all. One statement, so it can run while the query is being embedded.
   */
  async keyword(q: string, filters: SearchFilters, depth: number): Promise<RankedKey[]> {
    const where = filterSql(filters, 3);
    const rows: RankedKey[] = await this.dataSource.query(
      `WITH lexemes AS (
         SELECT l.lexeme, ${quotedLexeme('l.lexeme')} AS quoted, COALESCE(s.share, 0) AS share
           FROM unnest(tsvector_to_array(to_tsvector('search.english_folded', $1))) AS l(lexeme)
           LEFT JOIN (
             SELECT e.lexeme, e.share
               FROM pg_stats st,
                    unnest(st.most_common_elems::text::text[], st.most_common_elem_freqs)
                      AS e(lexeme, share)
              WHERE st.schemaname = 'search' AND st.tablename = 'opportunity_documents'
                AND st.attname = 'document') s USING (lexeme)),
       query AS MATERIALIZED (
         SELECT string_agg(quoted, ' | ')::tsquery AS ranking,
                CASE WHEN min(share) > $2 THEN string_agg(quoted, ' & ')
                     ELSE (SELECT string_agg(quoted, ' | ')
                             FROM (SELECT quoted, sum(share) OVER (ORDER BY share, lexeme) AS used
                                     FROM lexemes) budgeted
                            WHERE used <= $2)
                END::tsquery AS selecting,
                -- The whole words, English stop words left out as the stems leave them out.
                (SELECT string_agg(${quotedLexeme('w.lexeme')}, ' | ')
                   FROM unnest(tsvector_to_array(to_tsvector('search.simple_folded', $1)))
                          AS w(lexeme)
                  WHERE to_tsvector('english', w.lexeme) <> ''::tsvector)::tsquery AS exact
           FROM lexemes)
       SELECT d.source, d.source_id AS "sourceId",
              ts_rank(d.document, query.ranking)
                + COALESCE(ts_rank(d.words, query.exact), 0) AS score
         FROM query, search.opportunity_documents d
        WHERE d.document @@ query.selecting ${where.sql}
        ORDER BY score DESC, d.source, d.source_id
        LIMIT ${depth}`,
      [q, SELECT_BUDGET, ...where.params],
    );
    return rows.map((r) => ({ ...r, score: Number(r.score) }));
  }

  /**
   * Names that survive typos: documents whose customer name (CORE's normalised name) or
   * title is like the query, by pg_trgm's word similarity, accents and case ignored
   * (search.fold). Two ways in, both through the trigram indexes:
   * - a query of up to NAME_WORDS words may be a name: the share of its trigrams found in
   *   the best stretch of a name or title ("Hospial Santa Maria");
   * - a longer query may hold a name among other words ("marral telecom moving their
   *   data"): each of its first RARE_WORDS rare words (in under RARE_WORD_SHARE of the
   *   documents, by the `words` column's statistics) finds the names with a word like it,
   *   scored by the share of the name's trigrams found in the query. Common words
   *   ("telecom", "data") find no names: every telecom company would share them.
   * Looking a long query up whole would cost a scan of the index lists of every trigram
   * of every word in it (tens of milliseconds at 30,000 documents) for nothing: a long
   * query shares too few of its trigrams with any one name.
   * A document's score is the highest of the three similarities; at least `threshold`.
   */
  async trigram(
    q: string,
    filters: SearchFilters,
    depth: number,
    threshold: number,
  ): Promise<RankedKey[]> {
    const where = filterSql(filters, 4);
    return this.dataSource.transaction(async (manager) => {
      await setLocal(manager, { 'pg_trgm.word_similarity_threshold': String(threshold) });
      const rows: RankedKey[] = await manager.query(
        `WITH query AS MATERIALIZED (SELECT search.fold($1) AS text),
         common AS (
           SELECT e.word
             FROM pg_stats st,
                  unnest(st.most_common_elems::text::text[], st.most_common_elem_freqs)
                    AS e(word, share)
            WHERE st.schemaname = 'search' AND st.tablename = 'opportunity_documents'
              AND st.attname = 'words' AND e.share > $2),
         rare AS (
           SELECT w.word
             FROM query, regexp_split_to_table(query.text, '[^[:alnum:]]+')
                    WITH ORDINALITY AS w(word, position)
            WHERE length(w.word) >= 3
              AND NOT EXISTS (SELECT 1 FROM common WHERE common.word = w.word)
            GROUP BY w.word ORDER BY min(w.position) LIMIT ${RARE_WORDS}),
         found AS (
           ${
             // search.fold($1), not query.text: a constant the planner can take to the index.
             words(q) <= NAME_WORDS
               ? `SELECT d.source, d.source_id FROM search.opportunity_documents d
                   WHERE search.fold($1) <% d.customer_key OR search.fold($1) <% d.title_key
                  UNION`
               : ''
           }
           SELECT d.source, d.source_id FROM rare, search.opportunity_documents d
            WHERE d.customer_key %> rare.word),
         scored AS (
           SELECT d.source, d.source_id AS "sourceId",
                  greatest(word_similarity(query.text, d.customer_key),
                           word_similarity(query.text, d.title_key),
                           word_similarity(d.customer_key, query.text)) AS score
             FROM query, found
             JOIN search.opportunity_documents d USING (source, source_id)
            WHERE true ${where.sql})
         SELECT * FROM scored WHERE score >= $3
          ORDER BY score DESC, source, "sourceId"
          LIMIT ${depth}`,
        [q, RARE_WORD_SHARE, threshold, ...where.params],
      );
      return rows.map((r) => ({ ...r, score: Number(r.score) }));
    });
  }

  /**
   * The filters alone, when the whole query was understood as filters ("won deals in
   * Germany"): the latest close dates first, each scored below the one before.
   */
  async browse(filters: SearchFilters, depth: number): Promise<RankedKey[]> {
    const where = filterSql(filters, 1);
    const rows: { source: OpportunitySource; sourceId: string }[] = await this.dataSource.query(
      `SELECT d.source, d.source_id AS "sourceId"
         FROM search.opportunity_documents d
        WHERE true ${where.sql}
        ORDER BY d.close_date DESC NULLS LAST, d.source, d.source_id
        LIMIT ${depth}`,
      where.params,
    );
    return rows.map((r, i) => ({ ...r, score: 1 - i / depth }));
  }

  /** What each hit shows, with its linked match when there is one. */
  async documents(keys: { source: OpportunitySource; sourceId: string }[]): Promise<DocumentRow[]> {
    if (keys.length === 0) return [];
    return this.dataSource.query(
      `SELECT d.source, d.source_id, d.reference, d.title, d.customer, d.stage, d.country_code,
              d.amount::text, d.amount_period, d.currency, d.close_date::text,
              d.contact_name, d.email, d.phone,
              m.id::text AS match_id, m.status AS match_status,
              m.probability AS match_probability,
              CASE d.source WHEN 'odoo' THEN m.ace_id ELSE m.odoo_id END AS match_other_id,
              other.title AS match_other_title
         FROM unnest($1::text[], $2::text[]) AS k(source, source_id)
         JOIN search.opportunity_documents d
           ON d.source = k.source AND d.source_id = k.source_id
         LEFT JOIN LATERAL (
           SELECT * FROM matching.opportunity_matches m
            WHERE ${LINKED} AND ${MATCH_OF_D}
            ORDER BY m.probability DESC, m.id LIMIT 1) m ON true
         LEFT JOIN search.opportunity_documents other
           ON other.source = CASE d.source WHEN 'odoo' THEN 'ace' ELSE 'odoo' END
          AND other.source_id = CASE d.source WHEN 'odoo' THEN m.ace_id ELSE m.odoo_id END`,
      [keys.map((k) => k.source), keys.map((k) => k.sourceId)],
    );
  }
}

export function hasFilters(filters: SearchFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/** `AND …` over search.opportunity_documents `d`, parameters numbered from `first`. */
function filterSql(filters: SearchFilters, first: number): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(clause(`$${first + params.length - 1}`));
  };
  if (filters.source) add((p) => `d.source = ${p}`, filters.source);
  if (filters.stage?.length) {
    add(
      (p) => `(lower(d.stage) = ANY (${p}::text[]) OR d.stage_category = ANY (${p}::text[]))`,
      filters.stage.map((stage) => stage.toLowerCase()),
    );
  }
  if (filters.industry) add((p) => `(d.industry IS NULL OR d.industry = ${p})`, filters.industry);
  if (filters.country?.length) {
    add(
      (p) => `d.country_code = ANY (${p}::text[])`,
      filters.country.map((c) => c.toUpperCase()),
    );
  }
  if (filters.closeDateFrom) add((p) => `d.close_date >= ${p}::date`, filters.closeDateFrom);
  if (filters.closeDateTo) add((p) => `d.close_date <= ${p}::date`, filters.closeDateTo);
  if (filters.amountMin !== undefined) add((p) => `d.amount_total >= ${p}`, filters.amountMin);
  if (filters.amountMax !== undefined) add((p) => `d.amount_total <= ${p}`, filters.amountMax);
  if (filters.hasMatch !== undefined) {
    const exists = `EXISTS (SELECT 1 FROM matching.opportunity_matches m
                             WHERE ${LINKED} AND ${MATCH_OF_D})`;
    clauses.push(filters.hasMatch ? exists : `NOT ${exists}`);
  }
  return { sql: clauses.map((c) => `AND ${c}`).join(' '), params };
}

/**
 * `index`: an ef_search wide enough for the page and an iterative scan that keeps going
 * while filters reject neighbours, in exact distance order. With ef_search that wide the
 * planner costs the HNSW scan above a parallel scan and sort of every vector and picks
 * the latter: at 30,000 documents 140 ms instead of 45 ms, and every core busy for one
 * query (measured by bench:search). So the sequential scan is ruled out; a selective
 * filter may still be served by its own index and an exact sort. `exact`: no index at all.
 */
async function setSearchPlan(
  manager: EntityManager,
  plan: 'index' | 'exact',
  depth: number,
): Promise<void> {
  await setLocal(
    manager,
    plan === 'exact'
      ? { enable_indexscan: 'off' }
      : {
          'hnsw.ef_search': String(Math.min(1000, Math.max(100, 2 * depth))),
          'hnsw.iterative_scan': 'strict_order',
          enable_seqscan: 'off',
        },
  );
}

/** Settings for the rest of the transaction, in one round trip (SET LOCAL takes one each). */
async function setLocal(manager: EntityManager, settings: Record<string, string>): Promise<void> {
  const entries = Object.entries(settings);
  await manager.query(
    `SELECT ${entries.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
    entries.flat(),
  );
}
