import { Inject, Injectable } from '@nestjs/common';
import {
  maskEmail,
  maskName,
  maskPhone,
  masksContacts,
  maskText,
  MATCH_DECIMALS,
  roundTo,
} from '@revops/core';
import type { Principal } from '@revops/core';
import { EMBEDDER } from '@revops/embedding';
import type { Embedder } from '@revops/embedding';
import { Fusion, Ranked, rankedList } from './ranked-list';
import { decodeCursor, encodeCursor, pageAt, searchFingerprint } from './search-cursor';
import { SearchConfig } from './search.config';
import { SearchFilters, SearchMode, SearchQueryDto } from './search-query.dto';
import { DocumentRow, RankedKey, SearchRepository } from './search.repository';
import type { SearchHitDto, SearchResultDto } from './search-result.dto';

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

  private get fusion(): Fusion {
    return {
      k: this.config.SEARCH_RRF_K,
      semanticWeight: this.config.SEARCH_SEMANTIC_WEIGHT,
      keywordWeight: this.config.SEARCH_KEYWORD_WEIGHT,
    };
  }

  /**
   * Every page ranks the same window (SEARCH_RANK_WINDOW) with the same statements and
   * cuts its slice from that one list; the cursor is the position in it. A pool that grew
   * with the page, as it once did, changed the list under the cursor: fused ranks shifted,
   * and the HNSW scan's width and plan changed with the LIMIT, so pages repeated and
   * skipped hits. Elasticsearch's RRF retriever pages the same way (rank_window_size).
   */
  async search(query: SearchQueryDto, principal?: Principal): Promise<SearchResultDto> {
    const { q, mode, limit, cursor, ...filters } = query;
    const window = this.config.SEARCH_RANK_WINDOW;
    const fusion = this.fusion;
    const fingerprint = searchFingerprint(query, { window, model: this.model, fusion });
    const offset = cursor ? decodeCursor(cursor, fingerprint, window) : 0;
    const page = pageAt(await this.rank(q, mode, filters, window), offset, limit);
    const rows = await this.repository.documents(page.items.map((r) => r.key));
    const byKey = new Map(rows.map((row) => [`${row.source}:${row.source_id}`, row]));
    const mask = masksContacts(principal);
    // A document deleted since it was ranked is left out; the positions stay as ranked.
    const hits = page.items.flatMap((r) => {
      const row = byKey.get(`${r.key.source}:${r.key.sourceId}`);
      return row ? [toHit(row, r, mask)] : [];
    });
    return {
      query: q,
      mode,
      model: this.model,
      fusion: mode === 'hybrid' ? fusion : null,
      hits,
      nextCursor: page.next === null ? null : encodeCursor(page.next, fingerprint),
    };
  }

  private async rank(
    q: string,
    mode: SearchMode,
    filters: SearchFilters,
    window: number,
  ): Promise<Ranked[]> {
    // The keyword statement goes first, so the database can work on it while the model
    // embeds the query.
    const keyword = mode === 'semantic' ? [] : this.repository.keyword(q, filters, window);
    const semantic = mode === 'keyword' ? [] : this.semantic(q, filters, window);
    const [semanticHits, keywordHits] = await Promise.all([semantic, keyword]);
    return rankedList(mode, { semantic: semanticHits, keyword: keywordHits }, this.fusion, window);
  }

  private async semantic(q: string, filters: SearchFilters, depth: number): Promise<RankedKey[]> {
    const [vector] = await this.embedder.embed([q]);
    return this.repository.semantic(this.model, vector, filters, depth);
  }
}

function toHit(row: DocumentRow, ranked: Ranked, mask: boolean): SearchHitDto {
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
      name: mask ? maskName(row.contact_name) : row.contact_name,
      email: mask ? maskEmail(row.email) : row.email,
      phone: mask ? maskPhone(row.phone) : row.phone,
    },
    score: round(ranked.score),
    scoreParts: {
      semantic: ranked.semantic
        ? { rank: ranked.semantic.rank, similarity: round(ranked.semantic.similarity) }
        : null,
      keyword: ranked.keyword
        ? { rank: ranked.keyword.rank, score: round(ranked.keyword.score) }
        : null,
    },
    match:
      row.match_id === null
        ? null
        : {
            id: row.match_id,
            status: row.match_status ?? '',
            probability: roundTo(Number(row.match_probability), MATCH_DECIMALS),
            counterpart: {
              source: row.source === 'odoo' ? 'ace' : 'odoo',
              id: row.match_other_id ?? '',
              title: text(row.match_other_title),
            },
          },
  };
}

/** Fused scores are small (1 / (k + rank)): six decimals keep neighbouring ranks apart. */
const round = (value: number): number => roundTo(value, 6);
