import { Type } from 'class-transformer';
import { IsInt, IsNumber, Max, Min } from 'class-validator';

/** Candidate generation, training and thresholds of 05-matching. See .env.example. */
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

  /** Name-word candidates kept per opportunity: those sharing the rarest name words. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100, { message: 'must be at most 100' })
  MATCH_NAME_CANDIDATES: number = 10;

  /** A name word on more opportunities than this is too common to find candidates by. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(2, { message: 'must be at least 2' })
  MATCH_MAX_WORD_RECORDS: number = 500;

  /** Random pairs training estimates u on (all pairs when there are fewer). */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1000, { message: 'must be at least 1000' })
  @Max(10_000_000, { message: 'must be at most 10000000' })
  MATCH_TRAINING_RANDOM_PAIRS: number = 200_000;

  /** Nearest opportunities of the other source taken as candidates, by vector. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(0, { message: 'must be at least 0 (0: no vector candidates)' })
  @Max(100, { message: 'must be at most 100' })
  MATCH_VECTOR_NEIGHBOURS: number = 5;
}
