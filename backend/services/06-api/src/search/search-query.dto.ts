import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { DATE_PATTERN, NotBelow, toBoolean, toDecimal, toQueryList } from '@revops/core';
import type { OpportunitySource } from '@revops/models';

export const SEARCH_MODES = ['semantic', 'keyword', 'trigram', 'hybrid'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

/** GET query string or POST body of /api/v1/search/opportunities. */
export class SearchQueryDto {
  @IsString()
  @IsNotEmpty({ message: 'q must describe what to look for' })
  @MaxLength(1000)
  q: string;

  @IsOptional()
  @IsIn(SEARCH_MODES, { message: `mode must be one of ${SEARCH_MODES.join(', ')}` })
  mode: SearchMode = 'hybrid';

  @IsOptional()
  @IsIn(['odoo', 'ace'], { message: 'source must be odoo or ace' })
  source?: OpportunitySource;

  /**
   * Stages, in any case: a source's stage names as shown in hits (Odoo: New, Qualified,
   * Proposition, Won…; ACE: Prospect, Qualified, Technical Validation, Business
   * Validation, Committed, Launched, Closed Lost), or a stage category both sources share:
   * `open`, `won` (Odoo's won stages, ACE's Launched), `lost` (Odoo's lost leads, ACE's
   * Closed Lost). E.g. `qualified,won`.
   */
  @IsOptional()
  @Transform(toQueryList)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'stage must not hold an empty name' })
  @ArrayMaxSize(50)
  stage?: string[];

  /** ISO 3166 alpha-2 codes, e.g. `BR,PT`. */
  @IsOptional()
  @Transform(toQueryList)
  @Matches(/^[A-Za-z]{2}$/, { each: true, message: 'country must be ISO 3166 alpha-2 codes' })
  @ArrayMaxSize(50)
  country?: string[];

  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'closeDateFrom must be a date, e.g. 2026-01-31' })
  @IsISO8601({ strict: true }, { message: 'closeDateFrom must be a date, e.g. 2026-01-31' })
  closeDateFrom?: string;

  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'closeDateTo must be a date, e.g. 2026-12-31' })
  @IsISO8601({ strict: true }, { message: 'closeDateTo must be a date, e.g. 2026-12-31' })
  @NotBelow('closeDateFrom', 'closeDateTo must not be before closeDateFrom')
  closeDateTo?: string;

  /** On the deal's total value (ACE: monthly spend × contract months), in its own currency. */
  @IsOptional()
  @Transform(toDecimal)
  @IsNumber({}, { message: 'amountMin must be a number' })
  amountMin?: number;

  @IsOptional()
  @Transform(toDecimal)
  @IsNumber({}, { message: 'amountMax must be a number' })
  @NotBelow('amountMin', 'amountMax must not be below amountMin')
  amountMax?: number;

  /** true: only opportunities with a linked (auto-linked or approved) match; false: none. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'hasMatch must be true or false' })
  hasMatch?: boolean;

  /**
   * true: countries, industries, stage words, amounts and close dates named in `q` become
   * filters (see `interpreted` in the response); false: `q` is matched as written.
   */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'interpret must be true or false' })
  interpret: boolean = true;

  @IsOptional()
  @Transform(toDecimal)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 10;

  /** The `nextCursor` of the previous page of the same search. */
  @IsOptional()
  @IsString()
  cursor?: string;
}

export type SearchFilters = Pick<
  SearchQueryDto,
  | 'source'
  | 'stage'
  | 'country'
  | 'closeDateFrom'
  | 'closeDateTo'
  | 'amountMin'
  | 'amountMax'
  | 'hasMatch'
> & {
  /**
   * An ACE industry named in the query: opportunities of another industry are left out;
   * those whose industry is unknown (Odoo leads carry none) stay.
   */
  industry?: string;
};

/** A search as code builds one (scripts, tests): the DTO's defaults, then `fields`. */
export function searchQuery(fields: Partial<SearchQueryDto> & { q: string }): SearchQueryDto {
  return Object.assign(new SearchQueryDto(), fields);
}
