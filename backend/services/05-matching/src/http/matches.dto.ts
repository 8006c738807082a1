import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsNumberString,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { toList } from '@revops/core';
import { MATCH_STATUSES, MatchStatus } from '../matches.repository';

export class MatchParams {
  @IsNumberString({}, { message: 'id must be a match id, as GET /api/v1/matches lists them' })
  id: string;
}

export class MatchingRunParams {
  @IsNumberString({}, { message: 'id must be the run id that POST /api/v1/matching/run returned' })
  id: string;
}

/** GET /api/v1/matches */
export class MatchesQuery {
  /** One or more, e.g. `proposed,auto_linked` (the review queue). */
  @IsOptional()
  @Transform(toList)
  @IsIn(MATCH_STATUSES, {
    each: true,
    message: `status must be among ${MATCH_STATUSES.join(', ')}`,
  })
  status?: MatchStatus[];

  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: 'minProbability must be a number between 0 and 1' })
  @Min(0, { message: 'minProbability must be between 0 and 1' })
  @Max(1, { message: 'minProbability must be between 0 and 1' })
  minProbability?: number;

  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: 'maxProbability must be a number between 0 and 1' })
  @Min(0, { message: 'maxProbability must be between 0 and 1' })
  @Max(1, { message: 'maxProbability must be between 0 and 1' })
  maxProbability?: number;

  @IsOptional()
  @IsString()
  aceId?: string;

  @IsOptional()
  @IsNumberString({}, { message: 'odooId must be an Odoo lead id' })
  odooId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be between 1 and 500' })
  @Max(500, { message: 'limit must be between 1 and 500' })
  limit = 50;

  /** The `nextCursor` of the previous page. */
  @IsOptional()
  @IsNumberString({}, { message: 'cursor must be the nextCursor of the previous page' })
  cursor?: string;
}

/** POST /api/v1/matches/{id}/approve|reject */
export class MatchDecisionBody {
  /** The match's `version` as you read it: a stale one gets 409. */
  @Type(() => Number)
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

  @IsNumberString({}, { message: 'odooId must be an Odoo lead id' })
  @MaxLength(9, { message: 'odooId must be an Odoo lead id' })
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
