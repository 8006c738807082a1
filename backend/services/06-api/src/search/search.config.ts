import { Type } from 'class-transformer';
import { IsInt, IsNumber, Max, Min } from 'class-validator';

/**
 * Hybrid search: weighted reciprocal rank fusion, score = Σ weight / (k + rank). The
 * defaults come from `npm run eval:search` with the offline default model (USE-lite),
 * whose rankings are weaker than full-text ones on deal descriptions: equal weights lose
 * to keyword-only search there, 0.2 beats both. Re-run the evaluation after a model change
 * (a stronger model such as BGE-M3 should earn more). See docs/03-guides/search.md.
 */
export class SearchConfig {
  @Type(() => Number)
  @IsNumber({}, { message: 'must be a number' })
  @Min(0, { message: 'must be at least 0' })
  @Max(10, { message: 'must be at most 10' })
  SEARCH_SEMANTIC_WEIGHT: number = 0.2;

  @Type(() => Number)
  @IsNumber({}, { message: 'must be a number' })
  @Min(0, { message: 'must be at least 0' })
  @Max(10, { message: 'must be at most 10' })
  SEARCH_KEYWORD_WEIGHT: number = 1;

  /** The trigram (name similarity) list's weight in hybrid search. */
  @Type(() => Number)
  @IsNumber({}, { message: 'must be a number' })
  @Min(0, { message: 'must be at least 0' })
  @Max(10, { message: 'must be at most 10' })
  SEARCH_TRIGRAM_WEIGHT: number = 2;

  /**
   * The least word similarity (pg_trgm) of the query to a customer's name or a title for
   * the trigram list to hold the document: lower finds worse typos and more noise.
   */
  @Type(() => Number)
  @IsNumber({}, { message: 'must be a number' })
  @Min(0.1, { message: 'must be at least 0.1' })
  @Max(1, { message: 'must be at most 1' })
  SEARCH_TRIGRAM_THRESHOLD: number = 0.5;

  /** RRF's k (Cormack et al.): how much the top ranks outweigh the rest. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  SEARCH_RRF_K: number = 60;

  /**
   * How many hits one search ranks, in every mode: each retriever's top N (hybrid fuses
   * both and keeps the top N). Every page is cut from that one list, so paging returns
   * each hit once and in one order, and ends after N hits. Every page, the first included,
   * ranks all N: a deeper window costs every request. See docs/03-guides/search.md.
   */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(100, { message: 'must be at least 100 (the largest page)' })
  @Max(1000, { message: 'must be at most 1000' })
  SEARCH_RANK_WINDOW: number = 300;
}
