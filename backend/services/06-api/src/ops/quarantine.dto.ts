import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery, toBoolean } from '@revops/core';

/** The stages that set rows aside: ingestion (with its sync run), then the jobs after it. */
export const QUARANTINE_STAGES = ['ingestion', 'transform', 'embedding', 'matching'] as const;
export type QuarantineStageName = (typeof QUARANTINE_STAGES)[number];

/** GET /api/v1/quarantine */
export class QuarantineQuery extends PageQuery {
  @IsOptional()
  @IsIn(QUARANTINE_STAGES, { message: `stage must be one of ${QUARANTINE_STAGES.join(', ')}` })
  stage?: QuarantineStageName;

  /** The source the row came from, e.g. `odoo`, `apn` or `ace`. */
  @IsOptional()
  @IsString({ message: 'source must be text' })
  @MaxLength(100, { message: 'source must be at most 100 characters' })
  source?: string;

  /** The table the row's key belongs to, e.g. `crm_lead`, `raw.odoo_crm_lead` or `search.opportunity_embeddings`. */
  @IsOptional()
  @IsString({ message: 'sourceTable must be text' })
  @MaxLength(200, { message: 'sourceTable must be at most 200 characters' })
  sourceTable?: string;

  /** true: only rows still set aside; false: only resolved ones; both when absent. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'open must be true or false' })
  open?: boolean;
}

/** A row a stage could not process, kept whole with why. */
export class QuarantinedRowDto {
  /** The entry's id (a string of digits). */
  id: string;
  stage: QuarantineStageName;
  /** The source the row came from (`odoo`, `apn`, `ace`). */
  source: string;
  /** The table its key belongs to. */
  sourceTable: string;
  /** The row's key in that table; null when the row had none that could be read. */
  sourceKey: string | null;
  /** Why it was set aside. */
  reason: string;
  /** The row as the stage read it. For analysts, contact names, emails and phone numbers are masked (decided by field name), and any email or international phone number in other text. */
  payload: Record<string, unknown>;
  /** The run that set it aside: a sync run at stage `ingestion` (GET /api/v1/ingestion/runs/{id}), else a job run (GET /api/v1/runs?kind=…); null when not recorded. */
  runId: string | null;
  /** ISO 8601 timestamp. */
  quarantinedAt: string;
  /** ISO 8601 timestamp; null while the row is still set aside (a stage resolves it once the row goes through). */
  resolvedAt: string | null;
}

/** A page of quarantined rows, newest first. */
export class QuarantinePageDto {
  items: QuarantinedRowDto[];
  /** The cursor of the next page; null on the last one. */
  nextCursor: string | null;
}

/** Open (unresolved) rows of one stage and table. */
export class QuarantineCountDto {
  stage: QuarantineStageName;
  sourceTable: string;
  /** Rows still set aside. */
  open: number;
}

/** What waits in quarantine. */
export class QuarantineSummaryDto {
  /** Every open row. */
  open: number;
  /** Per stage and table, in that order; only those with open rows. */
  items: QuarantineCountDto[];
}
