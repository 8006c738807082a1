import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { IsId, NotBelow, ODOO_ID_PATTERN, PageQuery, toDecimal, toQueryList } from '@revops/core';
import { MATCH_STATUSES, MatchStatus } from '../matches.repository';

export class MatchParams {
  @IsId('id must be a match id, as GET /api/v1/matches lists them')
  id: string;
}

export class MatchingRunParams {
  @IsId('id must be the run id that POST /api/v1/matching/run returned')
  id: string;
}

/** GET /api/v1/matches */
export class MatchesQuery extends PageQuery {
  /** One or more, e.g. `proposed,auto_linked` (the review queue). */
  @IsOptional()
  @Transform(toQueryList)
  @IsIn(MATCH_STATUSES, {
    each: true,
    message: `status must be among ${MATCH_STATUSES.join(', ')}`,
  })
  status?: MatchStatus[];

  @IsOptional()
  @Transform(toDecimal)
  @IsNumber({}, { message: 'minProbability must be a number between 0 and 1' })
  @Min(0, { message: 'minProbability must be between 0 and 1' })
  @Max(1, { message: 'minProbability must be between 0 and 1' })
  minProbability?: number;

  @IsOptional()
  @Transform(toDecimal)
  @IsNumber({}, { message: 'maxProbability must be a number between 0 and 1' })
  @Min(0, { message: 'maxProbability must be between 0 and 1' })
  @Max(1, { message: 'maxProbability must be between 0 and 1' })
  @NotBelow('minProbability', 'maxProbability must not be below minProbability')
  maxProbability?: number;

  @IsOptional()
  @IsString()
  aceId?: string;

  @IsOptional()
  @Matches(ODOO_ID_PATTERN, { message: 'odooId must be an Odoo lead id' })
  odooId?: string;

  /** Part of the customer's name on either side, in any case; `%` and `_` are taken literally. */
  @IsOptional()
  @IsString({ message: 'customer must be text' })
  @Matches(/\S/, { message: 'customer must not be blank' })
  @MaxLength(200, { message: 'customer must be at most 200 characters' })
  customer?: string;
}

/** POST /api/v1/matches/{id}/approve|reject */
export class MatchDecisionBody {
  /** The match's `version` as you read it: a stale one gets 409. A JSON number, not `true`. */
  @IsInt({ message: 'version must be the integer version of the match you read' })
  @Min(1, { message: 'version must be at least 1' })
  version: number;

  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note?: string;

  /** Approve although the ACE opportunity or the Odoo lead is already linked elsewhere. */
  @IsOptional()
  @IsBoolean({ message: 'allowMultiple must be true or false' })
  allowMultiple?: boolean;
}

/** GET /api/v1/matching/compare: any pair, by its two ids. */
export class CompareQuery {
  @IsString({ message: 'aceId must be an ACE opportunity id' })
  @MaxLength(64, { message: 'aceId must be an ACE opportunity id' })
  aceId: string;

  @Matches(ODOO_ID_PATTERN, { message: 'odooId must be an Odoo lead id' })
  odooId: string;
}

/** POST /api/v1/matches: link a pair by hand. */
export class ManualLinkBody extends CompareQuery {
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note?: string;

  /** Link although the ACE opportunity or the Odoo lead is already linked elsewhere. */
  @IsOptional()
  @IsBoolean({ message: 'allowMultiple must be true or false' })
  allowMultiple?: boolean;
}
