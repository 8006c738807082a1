import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
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
  /** How Odoo is read: its database, or its external API (JSON-RPC; JSON-2 from Odoo 19). */
  @IsIn(['db', 'jsonrpc', 'json2'], { message: 'must be db, jsonrpc or json2' })
  ODOO_CONNECTOR: 'db' | 'jsonrpc' | 'json2' = 'db';

  @IsOptional()
  @Matches(POSTGRES_URL, { message: URL_MESSAGE })
  ODOO_DB_URL?: string;

  @IsString()
  ODOO_DB_SCHEMA: string = 'public';

  /** The Odoo server for jsonrpc / json2, e.g. https://odoo.example.com. */
  @ValidateIf((c: IngestionConfig) => c.ODOO_CONNECTOR !== 'db')
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'must be an http(s) URL' },
  )
  ODOO_API_URL?: string;

  @ValidateIf((c: IngestionConfig) => c.ODOO_CONNECTOR !== 'db')
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

  @IsIn(['db'], { message: 'must be db' })
  APN_CONNECTOR = 'db' as const;

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
}
