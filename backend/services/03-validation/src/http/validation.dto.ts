import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsId, RunDto, toDecimal } from '@revops/core';
import type { Severity, ValidatedEntity } from '../rules/validation-rule';

const ENTITIES: ValidatedEntity[] = ['odoo-opportunities', 'ace-opportunities'];

export class ValidationRunParams {
  @IsId('id must be the run id that POST /api/v1/validate/run returned')
  id: string;
}

export class HeldRecordsQuery {
  @IsOptional()
  @IsIn(ENTITIES, { message: `entity must be one of ${ENTITIES.join(', ')}` })
  entity?: ValidatedEntity;

  @IsOptional()
  @Transform(toDecimal)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;

  /** The `nextCursor` of the previous page. */
  @IsOptional()
  @Matches(/^(odoo|ace)-opportunities:.{1,64}$/, {
    message: 'cursor must be the nextCursor of a previous page',
  })
  cursor?: string;
}

/** One rule's outcome in a run. */
export class ValidationResultDto {
  /** `<entity>.<kind>.<field>`, as in GET /api/v1/validate/rules. */
  ruleId: string;
  entity: ValidatedEntity;
  severity: Severity;
  description: string;
  /** Rows the rule found. */
  violations: number;
  /** Some of their ids, for a look. */
  sampleIds: string[];
}

/** A validation run: the run shape of every job, and each rule's outcome. */
export class ValidationRunDto extends RunDto {
  results: ValidationResultDto[];
}

/** A data-quality rule: what it checks, on which rows, and whether it holds rows back. */
export class ValidationRuleDto {
  /** `<entity>.<kind>.<field>`: stable, used in results and holds. */
  id: string;
  entity: ValidatedEntity;
  /** `error` holds the offending rows back from search and matching; `warning` only reports them. */
  severity: Severity;
  description: string;
  /** How it finds offending rows: `kind` (required, format, member, range, date-window, reference, duplicate, conflict) and its settings. */
  check: Record<string, unknown>;
}

/** A row held back from search and matching because it fails an error rule. */
export class HeldRecordDto {
  entity: ValidatedEntity;
  recordId: string;
  /** The error rules it fails. */
  ruleIds: string[];
  /** The validation run that held it. */
  runId: string;
  /** ISO 8601 timestamp. */
  heldSince: string;
}

export class HeldRecordPageDto {
  items: HeldRecordDto[];
  /** The cursor of the next page; null on the last one. */
  nextCursor: string | null;
}
