import { Injectable } from '@nestjs/common';
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
import { QueryEmbedder } from '@revops/embedding';
import { interpretQuery } from './interpretation';
import { Fusion, Ranked, rankedList, Retriever } from './ranked-list';
import { decodeCursor, encodeCursor, pageAt, searchFingerprint } from './search-cursor';
import { SearchConfig } from './search.config';
import { SearchFilters, SearchMode, SearchQueryDto } from './search-query.dto';
import { DocumentRow, RankedKey, SearchRepository } from './search.repository';
import type { InterpretedQueryDto, SearchHitDto, SearchResultDto } from './search-result.dto';

/** What a search matches: the words, the filters, and what of them came from the words. */
interface Understood {
  text: string;
  filters: SearchFilters;
  interpreted: InterpretedQueryDto | null;
}

@Injectable()
export class SearchService {
  constructor(
    private readonly embedder: QueryEmbedder,
    private readonly repository: SearchRepository,
    private readonly config: SearchConfig,
  ) {}

  get model(): { id: string; dimensions: number } {
    return this.embedder.model;
  }

  private get fusion(): Fusion {
    return {
      k: this.config.SEARCH_RRF_K,
      semanticWeight: this.config.SEARCH_SEMANTIC_WEIGHT,
      keywordWeight: this.config.SEARCH_KEYWORD_WEIGHT,
      trigramWeight: this.config.SEARCH_TRIGRAM_WEIGHT,
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
    const { q, mode, limit, cursor } = query;
    const window = this.config.SEARCH_RANK_WINDOW;
    const fusion = this.fusion;
    const fingerprint = searchFingerprint(query, { window, model: this.model, fusion });
    const offset = cursor ? decodeCursor(cursor, fingerprint, window) : 0;
    const understood = understand(query, new Date());
    const page = pageAt(await this.rank(understood, mode, window), offset, limit);
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
      interpreted: understood.interpreted,
      mode,
      model: this.model,
      fusion: mode === 'hybrid' ? fusion : null,
      hits,
      nextCursor: page.next === null ? null : encodeCursor(page.next, fingerprint),
    };
  }

  /**
   * The mode's retrievers, started together: the statements run in the database while the
   * model embeds the query. A query understood entirely as filters lists what they keep.
   */
  private async rank(
    { text, filters }: Understood,
    mode: SearchMode,
    window: number,
  ): Promise<Ranked[]> {
    if (text === '') {
      const listed = await this.repository.browse(filters, window);
      return listed.map(({ source, sourceId, score }) => ({
        key: { source, sourceId },
        score,
        parts: {},
      }));
    }
    const uses = (retriever: Retriever) => mode === retriever || mode === 'hybrid';
    const none = Promise.resolve<RankedKey[]>([]);
    const [keyword, trigram, semantic] = await Promise.all([
      uses('keyword') ? this.repository.keyword(text, filters, window) : none,
      uses('trigram')
        ? this.repository.trigram(text, filters, window, this.config.SEARCH_TRIGRAM_THRESHOLD)
        : none,
      uses('semantic') ? this.semantic(text, filters, window) : none,
    ]);
    return rankedList(mode, { semantic, keyword, trigram }, this.fusion, window);
  }

  private async semantic(q: string, filters: SearchFilters, depth: number): Promise<RankedKey[]> {
    // Cached and batched: paging a search or asking it again does not run the model again.
    const vector = await this.embedder.embedQuery(q);
    return this.repository.semantic(this.model, vector, filters, depth);
  }
}

/**
 * The query's countries, industries, stage words, amounts and dates as filters, each
 * unless the request gives that filter itself; the rest of the words are what is matched.
 * Nothing applied (or `interpret=false`): the query is matched as written.
 */
function understand(query: SearchQueryDto, today: Date): Understood {
  const { q, interpret } = query;
  const given = filtersOf(query);
  if (!interpret) return { text: q, filters: given, interpreted: null };
  const found = interpretQuery(q, today);
  const filters: SearchFilters = { ...given };
  const applied: Omit<InterpretedQueryDto, 'text'> = {};
  if (found.country && !given.country?.length) {
    filters.country = [found.country];
    applied.country = found.country;
  }
  if (found.industry) {
    filters.industry = found.industry;
    applied.industry = found.industry;
  }
  if (found.stageCategory && !given.stage?.length) {
    filters.stage = [found.stageCategory];
    applied.stage = found.stageCategory;
  }
  if (given.amountMin === undefined && given.amountMax === undefined) {
    filters.amountMin = applied.amountMin = found.amountMin;
    filters.amountMax = applied.amountMax = found.amountMax;
  }
  if (given.closeDateFrom === undefined && given.closeDateTo === undefined) {
    filters.closeDateFrom = applied.closeDateFrom = found.closeDateFrom;
    filters.closeDateTo = applied.closeDateTo = found.closeDateTo;
  }
  const kept = Object.entries(applied).filter(([, value]) => value !== undefined);
  if (kept.length === 0) return { text: q, filters: given, interpreted: null };
  return {
    text: found.text,
    filters,
    interpreted: { text: found.text, ...Object.fromEntries(kept) },
  };
}

function filtersOf(query: SearchQueryDto): SearchFilters {
  const { source, stage, country, closeDateFrom, closeDateTo, amountMin, amountMax, hasMatch } =
    query;
  return { source, stage, country, closeDateFrom, closeDateTo, amountMin, amountMax, hasMatch };
}

function toHit(row: DocumentRow, ranked: Ranked, mask: boolean): SearchHitDto {
  const text = mask ? maskText : (value: string | null) => value;
  const { semantic, keyword, trigram } = ranked.parts;
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
      semantic: semantic ? { rank: semantic.rank, similarity: round(semantic.score) } : null,
      keyword: keyword ? { rank: keyword.rank, score: round(keyword.score) } : null,
      trigram: trigram ? { rank: trigram.rank, similarity: round(trigram.score) } : null,
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
