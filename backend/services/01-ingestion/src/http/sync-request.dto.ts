import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { IsId, IsOptionalNotNull, toDecimal } from '@revops/core';

export class SyncSourceParams {
  @IsIn(['odoo', 'apn'], { message: 'source must be odoo or apn' })
  source: 'odoo' | 'apn';
}

export class SyncRequestDto {
  @IsOptionalNotNull()
  @IsIn(['incremental', 'full'], { message: 'mode must be incremental or full' })
  mode: 'incremental' | 'full' = 'incremental';

  /** Incremental from this moment instead of the stored cursor (e.g. to re-read a day). */
  @IsOptional()
  @IsISO8601({}, { message: 'since must be an ISO 8601 timestamp such as 2026-11-01T00:00:00Z' })
  since?: string;
}

export class ListRunsQuery {
  @IsOptional()
  @Transform(toDecimal)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  /** The `nextCursor` of the previous page. */
  @IsOptional()
  @IsId('cursor must be the nextCursor of a previous page')
  cursor?: string;
}

export class SyncRunParams {
  @IsId('id must be the run id that POST /api/v1/ingestion/{source}/sync returned')
  id: string;
}
