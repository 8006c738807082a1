import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { toBoolean } from '@revops/core';
import { Transform } from 'class-transformer';

const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s/]+(:\d+)?\/[^\s]+$/;
const CRON = /^(\S+\s+){4,5}\S+$/;
const CRON_MESSAGE = 'must be a cron expression such as */15 * * * *';
const URL_MESSAGE = 'must be a PostgreSQL URL such as postgres://reader@odoo-db:5432/odoo';

/** Where and how the ingestion service reads its sources. See .env.example. */
export class IngestionConfig {
  /**
   * How Odoo is read: its database, its external API (JSON-RPC; JSON-2 from Odoo 19), or
   * import-compatible CSV exports in a folder.
   */
  @IsIn(['db', 'jsonrpc', 'json2', 'csv'], { message: 'must be db, jsonrpc, json2 or csv' })
  ODOO_CONNECTOR: 'db' | 'jsonrpc' | 'json2' | 'csv' = 'db';

  /** ODOO_CONNECTOR=csv: one `<model>.csv` (e.g. crm.lead.csv) per exported model. */
  @ValidateIf((c: IngestionConfig) => c.ODOO_CONNECTOR === 'csv')
  @IsString({ message: 'is required for ODOO_CONNECTOR=csv' })
  ODOO_CSV_DIR?: string;

  @IsOptional()
  @Matches(POSTGRES_URL, { message: URL_MESSAGE })
  ODOO_DB_URL?: string;

  @IsString()
  ODOO_DB_SCHEMA: string = 'public';

  /** The Odoo server for jsonrpc / json2, e.g. https://odoo.example.com. */
  @ValidateIf(
    (c: IngestionConfig) => c.ODOO_CONNECTOR === 'jsonrpc' || c.ODOO_CONNECTOR === 'json2',
  )
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'must be an http(s) URL' },
  )
  ODOO_API_URL?: string;

  @ValidateIf(
    (c: IngestionConfig) => c.ODOO_CONNECTOR === 'jsonrpc' || c.ODOO_CONNECTOR === 'json2',
  )
  @IsString({ message: 'must name the Odoo database' })
  ODOO_API_DATABASE?: string;

  /** jsonrpc: a user and its password or API key. */
  @ValidateIf((c: IngestionConfig) => c.ODOO_CONNECTOR === 'jsonrpc')
  @IsString({ message: 'is required for ODOO_CONNECTOR=jsonrpc' })
  ODOO_API_USER?: string;

  @ValidateIf((c: IngestionConfig) => c.ODOO_CONNECTOR === 'jsonrpc')
  @IsString({ message: 'is required for ODOO_CONNECTOR=jsonrpc' })
  ODOO_API_PASSWORD?: string;

  /** json2: a bearer API key. */
  @ValidateIf((c: IngestionConfig) => c.ODOO_CONNECTOR === 'json2')
  @IsString({ message: 'is required for ODOO_CONNECTOR=json2' })
  ODOO_API_KEY?: string;

  /**
   * How APN / ACE data is read: a partner database (db), GetOpportunity or legacy S3
   * JSON exports in a folder (files), or the Partner Central Selling API (api; AWS
   * credentials from the usual chain: environment, profile, instance role).
   */
  @IsIn(['db', 'files', 'api'], { message: 'must be db, files or api' })
  APN_CONNECTOR: 'db' | 'files' | 'api' = 'db';

  @ValidateIf((c: IngestionConfig) => c.APN_CONNECTOR === 'files')
  @IsString({ message: 'is required for APN_CONNECTOR=files' })
  APN_FILES_DIR?: string;

  @IsIn(['AWS', 'Sandbox'], { message: 'must be AWS or Sandbox' })
  PARTNER_CENTRAL_CATALOG: 'AWS' | 'Sandbox' = 'AWS';

  /** Partner Central allows 10 reads a second per account; stay at or under it. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(10, { message: 'must be at most 10' })
  PARTNER_CENTRAL_READS_PER_SECOND: number = 10;

  @IsOptional()
  @Matches(POSTGRES_URL, { message: URL_MESSAGE })
  APN_DB_URL?: string;

  @IsString()
  APN_DB_SCHEMA: string = 'public';

  /** Rows per batch; each batch commits together with the cursor it advances. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(10000, { message: 'must be at most 10000' })
  SYNC_BATCH_SIZE: number = 1000;

  /** An incremental read starts this long before the stored cursor: late commits are not missed. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(0, { message: 'must be at least 0' })
  SYNC_OVERLAP_SECONDS: number = 300;

  /** Attempts per source read when the connection fails (exponential backoff, jitter). */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  SYNC_RETRY_ATTEMPTS: number = 5;

  /**
   * The share of a table's rows a sync may quarantine and still succeed (0.05 = 5%). Past
   * it the run ends `failed`, naming the table, the count and the most common reason: a
   * file of the wrong shape is loud, not quietly set aside. 1 turns the check off.
   */
  @Type(() => Number)
  @IsNumber({}, { message: 'must be a number' })
  @Min(0, { message: 'must be at least 0' })
  @Max(1, { message: 'must be at most 1' })
  SYNC_MAX_QUARANTINE_SHARE: number = 0.05;

  /** Scheduled syncs in this process; off where another deployment schedules them. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  SYNC_SCHEDULES_ENABLED: boolean = true;

  /** Incremental sync of each configured source (cron, server time zone). */
  @Matches(CRON, { message: CRON_MESSAGE })
  SYNC_INCREMENTAL_CRON: string = '*/15 * * * *';

  /** Nightly full reconciliation of each configured source. */
  @Matches(CRON, { message: CRON_MESSAGE })
  SYNC_RECONCILE_CRON: string = '30 2 * * *';

  /**
   * What `source` lacks to be read, or undefined when its connector has what it needs (the
   * API and file connectors' settings are checked when the configuration loads).
   */
  missingForSource(source: 'odoo' | 'apn'): string | undefined {
    const [connector, url] =
      source === 'odoo'
        ? [this.ODOO_CONNECTOR, this.ODOO_DB_URL]
        : [this.APN_CONNECTOR, this.APN_DB_URL];
    if (connector === 'db' && !url) return `No ${source.toUpperCase()}_DB_URL`;
    return undefined;
  }
}
