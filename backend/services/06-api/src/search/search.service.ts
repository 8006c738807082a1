import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputException } from '@revops/core';
import type { Principal } from '@revops/core';
import { EMBEDDER } from '@revops/embedding';
import type { Embedder } from '@revops/embedding';
import { OpportunitySource } from '@revops/models';
import { createHash } from 'node:crypto';
import { maskEmail, maskPhone, maskText } from './masking';
import { SearchConfig } from './search.config';
import { SearchFilters, SearchMode, SearchQueryDto } from './search-query.dto';
import { DocumentRow, RankedKey, SearchRepository } from './search.repository';

/** Each retriever's candidates in hybrid mode, however small the page. */
const HYBRID_POOL = 100;
/** How deep cursors go; a search is for finding, not for exporting. */
export const MAX_DEPTH = 1000;

export interface SearchHit {
  source: OpportunitySource;
  /** The source's id: Odoo's lead id or ACE's opportunity id. */
  id: string;
  /** Named per source; ACE adds the partner's own reference to the deal. */
  ids: { odooId: string } | { aceId: string; partnerOpportunityIdentifier: string | null };
  title: string | null;
  customer: string | null;
  stage: string | null;
  country: string | null;
  amount: { value: number; currency: string | null; period: 'total' | 'monthly' } | null;
  closeDate: string | null;
  contact: { name: string | null; email: string | null; phone: string | null };
  score: number;
  scoreParts: {
    semantic: { rank: number; similarity: number } | null;
    keyword: { rank: number; score: number } | null;
  };
  match: {
    id: string;
    status: string;
    probability: number;
    counterpart: { source: OpportunitySource; id: string; title: string | null };
  } | null;
}

export interface SearchResult {
  query: string;
  mode: SearchMode;
  model: { id: string; dimensions: number };
  /** Hybrid only: score = semanticWeight / (k + semantic rank) + keywordWeight / (k + keyword rank). */
  fusion: { k: number; semanticWeight: number; keywordWeight: number } | null;
  hits: SearchHit[];
  nextCursor: string | null;
}

interface Fused {
  key: { source: OpportunitySource; sourceId: string };
  score: number;
  semantic?: { rank: number; similarity: number };
  keyword?: { rank: number; score: number };
}

@Injectable()
export class SearchService {
  constructor(
    @Inject(EMBEDDER) private readonly embedder: Embedder,
    private readonly repository: SearchRepository,
    private readonly config: SearchConfig,
  ) {}

  get model(): { id: string; dimensions: number } {
    return { id: this.embedder.modelId, dimensions: this.embedder.dimensions };
  }

  private get fusion(): NonNullable<SearchResult['fusion']> {
    return {
      k: this.config.SEARCH_RRF_K,
      semanticWeight: this.config.SEARCH_SEMANTIC_WEIGHT,
      keywordWeight: this.config.SEARCH_KEYWORD_WEIGHT,
    };
  }

  async search(query: SearchQueryDto, principal?: Principal): Promise<SearchResult> {
    const { q, mode, limit, cursor, ...filters } = query;
    const fingerprint = fingerprintOf(query);
    const offset = cursor ? decodeCursor(cursor, fingerprint) : 0;
    const depth = Math.min(MAX_DEPTH, offset + limit);
    const ranked = (await this.rank(q, mode, filters, depth)).slice(offset, depth);
    const rows = await this.repository.documents(ranked.map((r) => r.key));
    const byKey = new Map(rows.map((row) => [`${row.source}:${row.source_id}`, row]));
    const mask = principal?.role === 'analyst';
    const hits = ranked.flatMap((r) => {
      const row = byKey.get(`${r.key.source}:${r.key.sourceId}`);
      return row ? [toHit(row, r, mask)] : [];
    });
    const more = ranked.length === limit && depth < MAX_DEPTH;
    return {
      query: q,
      mode,
      model: this.model,
      fusion: mode === 'hybrid' ? this.fusion : null,
      hits,
      nextCursor: more ? encodeCursor(depth, fingerprint) : null,
    };
  }

  private async rank(
    q: string,
    mode: SearchMode,
    filters: SearchFilters,
    depth: number,
  ): Promise<Fused[]> {
    const pool = mode === 'hybrid' ? Math.max(HYBRID_POOL, depth) : depth;
    // The keyword statement goes first, so the database can work on it while the model
    // embeds the query.
    const keyword = mode === 'semantic' ? [] : this.repository.keyword(q, filters, pool);
    const semantic = mode === 'keyword' ? [] : this.semantic(q, filters, pool);
    const [semanticHits, keywordHits] = await Promise.all([semantic, keyword]);
    const { k, semanticWeight, keywordWeight } = this.fusion;
    const fused = new Map<string, Fused>();
    const entry = (key: RankedKey): Fused => {
      const id = `${key.source}:${key.sourceId}`;
      const found = fused.get(id) ?? {
        key: { source: key.source, sourceId: key.sourceId },
        score: 0,
      };
      fused.set(id, found);
      return found;
    };
    semanticHits.forEach((hit, i) => {
      const e = entry(hit);
      e.semantic = { rank: i + 1, similarity: round(hit.score) };
      e.score += mode === 'hybrid' ? semanticWeight / (k + i + 1) : hit.score;
    });
    keywordHits.forEach((hit, i) => {
      const e = entry(hit);
      e.keyword = { rank: i + 1, score: round(hit.score) };
      e.score += mode === 'hybrid' ? keywordWeight / (k + i + 1) : hit.score;
    });
    return [...fused.values()].sort(
      (a, b) =>
        b.score - a.score ||
        a.key.source.localeCompare(b.key.source) ||
        a.key.sourceId.localeCompare(b.key.sourceId),
    );
  }

  private async semantic(q: string, filters: SearchFilters, depth: number): Promise<RankedKey[]> {
    const [vector] = await this.embedder.embed([q]);
    return this.repository.semantic(this.model, vector, filters, depth);
  }
}

function toHit(row: DocumentRow, ranked: Fused, mask: boolean): SearchHit {
  const text = mask ? maskText : (value: string | null) => value;
  return {
    source: row.source,
    id: row.source_id,
    ids:
      row.source === 'odoo'
        ? { odooId: row.source_id }
        : { aceId: row.source_id, partnerOpportunityIdentifier: row.reference },
    title: text(row.title),
    customer: text(row.customer),
    stage: row.stage,
    country: row.country_code,
    amount:
      row.amount === null
        ? null
        : { value: Number(row.amount), currency: row.currency, period: row.amount_period },
    closeDate: row.close_date,
    contact: {
      name: row.contact_name,
      email: mask ? maskEmail(row.email) : row.email,
      phone: mask ? maskPhone(row.phone) : row.phone,
    },
    score: round(ranked.score),
    scoreParts: { semantic: ranked.semantic ?? null, keyword: ranked.keyword ?? null },
    match:
      row.match_id === null
        ? null
        : {
            id: row.match_id,
            status: row.match_status ?? '',
            probability: Number(row.match_probability),
            counterpart: {
              source: row.source === 'odoo' ? 'ace' : 'odoo',
              id: row.match_other_id ?? '',
              title: text(row.match_other_title),
            },
          },
  };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Same question, same filters, same page size: a cursor is only valid for its search. */
function fingerprintOf(query: SearchQueryDto): string {
  const search = { ...query, cursor: undefined };
  return createHash('sha256').update(JSON.stringify(search)).digest('hex').slice(0, 16);
}

function encodeCursor(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint })).toString('base64url');
}

function decodeCursor(cursor: string, fingerprint: string): number {
  try {
    const { o, f } = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as {
      o: unknown;
      f: unknown;
    };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0 && f === fingerprint) return o;
  } catch {
    // reported below
  }
  throw new InvalidInputException('Invalid cursor', [
    {
      field: 'cursor',
      problems: ['must be the nextCursor of the previous page of this same search'],
    },
  ]);
}
