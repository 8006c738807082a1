import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, Max, Min } from 'class-validator';

/** Candidate generation, thresholds and weights of 05-matching. See .env.example. */
export class MatchingConfig {
  /** Match probability at or above which a pair is linked without review. */
  @Type(() => Number)
  @IsNumber({}, { message: 'must be a number' })
  @Min(0, { message: 'must be between 0 and 1' })
  @Max(1, { message: 'must be between 0 and 1' })
  MATCH_AUTO_LINK_PROBABILITY: number = 0.9;

  /** At or above (and below the auto-link threshold): proposed for review. Below: discarded. */
  @Type(() => Number)
  @IsNumber({}, { message: 'must be a number' })
  @Min(0, { message: 'must be between 0 and 1' })
  @Max(1, { message: 'must be between 0 and 1' })
  MATCH_REVIEW_PROBABILITY: number = 0.5;

  /** A blocking key (domain, company, AWS account) on more records than this is ignored. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  MATCH_MAX_KEY_RECORDS: number = 20;

  /** Trigram similarity of normalised customer names that makes a candidate pair. */
  @Type(() => Number)
  @IsNumber({}, { message: 'must be a number' })
  @Min(0.1, { message: 'must be between 0.1 and 1' })
  @Max(1, { message: 'must be between 0.1 and 1' })
  MATCH_NAME_SIMILARITY: number = 0.45;

  /** Nearest opportunities of the other source taken as candidates, by vector. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(0, { message: 'must be at least 0 (0: no vector candidates)' })
  @Max(100, { message: 'must be at most 100' })
  MATCH_VECTOR_NEIGHBOURS: number = 5;

  /** A JSON file of log-odds weights (see docs/03-guides/matching.md); unset: the defaults. */
  @IsOptional()
  @IsString()
  MATCH_WEIGHTS_FILE?: string;
}
