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

export class ScorePartsDto {
  semantic: SemanticPartDto | null;
  keyword: KeywordPartDto | null;
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

/** Hybrid only: score = semanticWeight / (k + semantic rank) + keywordWeight / (k + keyword rank). */
export class FusionDto {
  k: number;
  semanticWeight: number;
  keywordWeight: number;
}

export class SearchResultDto {
  query: string;
  mode: SearchMode;
  model: ModelInfoDto;
  fusion: FusionDto | null;
  hits: SearchHitDto[];
  /** The cursor of the next page; null on the last one. */
  nextCursor: string | null;
}
