import type { OpportunitySource } from '@revops/models';
import type { SearchMode } from './search-query.dto';

/** The source's ids, named per source. */
export class SearchHitIdsDto {
  /** Odoo's lead id (Odoo hits). */
  odooId?: string;
  /** ACE's opportunity id (ACE hits). */
  aceId?: string;
  /** The partner's own reference to the deal (ACE hits). */
  partnerOpportunityIdentifier?: string | null;
}

export class AmountDto {
  value: number;
  currency: string | null;
  /** ACE states expected monthly AWS spend; Odoo a deal total. */
  period: 'total' | 'monthly';
}

/** Masked for analysts: name `J*** S***`, email `j***@example.com`, phone `+** ** **** **21`. */
export class ContactDto {
  name: string | null;
  email: string | null;
  phone: string | null;
}

export class SemanticPartDto {
  rank: number;
  /** Cosine similarity of the query and the opportunity, rounded to 6 decimals. */
  similarity: number;
}

export class KeywordPartDto {
  rank: number;
  /** PostgreSQL's full-text rank, rounded to 6 decimals. */
  score: number;
}

export class TrigramPartDto {
  rank: number;
  /**
   * pg_trgm's word similarity of the query to the customer's name or the title, whichever
   * is higher (0…1, rounded to 6 decimals): how much of the query a stretch of it holds.
   */
  similarity: number;
}

export class ScorePartsDto {
  semantic: SemanticPartDto | null;
  keyword: KeywordPartDto | null;
  trigram: TrigramPartDto | null;
}

export class CounterpartDto {
  source: OpportunitySource;
  id: string;
  title: string | null;
}

/** The match this opportunity is in, if any: follow it at /api/v1/matches/{id}. */
export class HitMatchDto {
  id: string;
  status: string;
  probability: number;
  counterpart: CounterpartDto;
}

export class SearchHitDto {
  source: OpportunitySource;
  /** The source's id: Odoo's lead id or ACE's opportunity id. */
  id: string;
  ids: SearchHitIdsDto;
  title: string | null;
  customer: string | null;
  stage: string | null;
  country: string | null;
  amount: AmountDto | null;
  /** YYYY-MM-DD. */
  closeDate: string | null;
  contact: ContactDto;
  /** The rank's score in the chosen mode (rounded to 6 decimals). */
  score: number;
  scoreParts: ScorePartsDto;
  match: HitMatchDto | null;
}

export class ModelInfoDto {
  id: string;
  dimensions: number;
}

/**
 * Hybrid only: score = semanticWeight / (k + semantic rank) + keywordWeight / (k + keyword
 * rank) + trigramWeight / (k + trigram rank), each term where that list ranked the hit.
 */
export class FusionDto {
  k: number;
  semanticWeight: number;
  keywordWeight: number;
  trigramWeight: number;
}

/**
 * What the query was understood to name, each applied as a filter (a filter given
 * explicitly wins and is not listed here). Switch it off with `interpret=false`.
 */
export class InterpretedQueryDto {
  /** The words left to match by text, vector and name; empty: the filters alone decide. */
  text: string;
  /** ISO 3166 alpha-2, from a country's name, demonym or code ("in Brazil", "Brazilian"). */
  country?: string;
  /** An ACE industry ("hospital" → Healthcare): other known industries are left out. */
  industry?: string;
  /** A stage category from stage words ("won deals", "open pipeline"). */
  stage?: 'open' | 'won' | 'lost';
  /** From "over 100k", "between 50k and 200k"… */
  amountMin?: number;
  amountMax?: number;
  /** YYYY-MM-DD, from "closing this quarter", "closing before March 2027"… */
  closeDateFrom?: string;
  closeDateTo?: string;
}

export class SearchResultDto {
  query: string;
  /** null with `interpret=false` or when nothing in the query was taken as a filter. */
  interpreted: InterpretedQueryDto | null;
  mode: SearchMode;
  model: ModelInfoDto;
  fusion: FusionDto | null;
  hits: SearchHitDto[];
  /** The cursor of the next page; null on the last one. */
  nextCursor: string | null;
}
