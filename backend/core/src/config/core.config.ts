import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s/]+(:\d+)?\/[^\s]+$/;
const KAFKA_BROKERS = /^[^\s,:]+:\d+(,[^\s,:]+:\d+)*$/;
const REDIS_URL = /^rediss?:\/\/\S+$/;

/** Reads the original text (implicit conversion would make "false" true). */
export const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }): unknown => {
  const value = obj[key];
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  return value;
};

/** `a,b` in a query string, or a JSON array in a body: a list either way. */
export const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : value;

/** Settings every service shares. Read from the environment; see .env.example. */
export class CoreConfig {
  @IsIn(['development', 'production', 'test'], {
    message: 'must be one of development, production, test',
  })
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** Interface to listen on: this machine only by default; 0.0.0.0 in a container. */
  @IsString()
  HOST: string = '127.0.0.1';

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer port number' })
  @Min(0, { message: 'must be between 0 and 65535' })
  @Max(65535, { message: 'must be between 0 and 65535' })
  PORT?: number;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @IsIn(['json', 'pretty'], { message: 'must be json or pretty' })
  LOG_FORMAT: 'json' | 'pretty' = 'json';

  /** PostgreSQL + pgvector. When absent, the embedded PGlite database is used. */
  @IsOptional()
  @Matches(POSTGRES_URL, {
    message: 'must be a PostgreSQL URL such as postgres://app@db.example.com:5432/revops',
  })
  DATABASE_URL?: string;

  /** Where PGlite keeps its files; `memory://` keeps nothing. Ignored with DATABASE_URL. */
  @ValidateIf((c: CoreConfig) => !c.DATABASE_URL)
  @IsString()
  PGLITE_DATA_DIR: string = '.data/pglite';

  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(200, { message: 'must be at most 200' })
  DB_POOL_SIZE: number = 10;

  /** Apply pending migrations at boot. Turn off where a release job migrates instead. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  DB_RUN_MIGRATIONS: boolean = true;

  /**
   * Kafka bootstrap servers, comma-separated (host:port,…). Set: the outbox relay
   * publishes events there and a service with consumers joins its consumer group.
   */
  @IsOptional()
  @Matches(KAFKA_BROKERS, { message: 'must be host:port pairs separated by commas' })
  KAFKA_BROKERS?: string;

  /**
   * Run the outbox relay in this process: to Kafka with KAFKA_BROKERS; without, to the
   * process's own handlers where it delivers events in-process (the all-in-one). Off:
   * events wait in ops.outbox_events for another process's relay.
   */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  OUTBOX_RELAY_ENABLED: boolean = true;

  /** How often the outbox relay looks for unpublished events when it found none. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(50, { message: 'must be at least 50' })
  OUTBOX_RELAY_INTERVAL_MS: number = 1000;

  /**
   * How long /health/ready waits for each dependency (database, broker, embedder) and
   * /metrics for its database reads before calling it down: readiness fails within this.
   */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(50, { message: 'must be at least 50' })
  @Max(30_000, { message: 'must be at most 30000' })
  HEALTH_CHECK_TIMEOUT_MS: number = 1000;

  /**
   * Failed attempts of one consumer group's handler on one event before the event is
   * dead-lettered (ops.dead_letter_events, topic revops.dead-letter) and acknowledged.
   */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100, { message: 'must be at most 100' })
  EVENT_MAX_ATTEMPTS: number = 5;

  /**
   * Redis for the rate-limit counters, so every replica spends one budget per key. Unset:
   * each process counts in its own memory. Down: counting falls back to memory, logged.
   */
  @IsOptional()
  @Matches(REDIS_URL, { message: 'must be a Redis URL such as redis://cache.example.com:6379' })
  REDIS_URL?: string;

  /** Prefix of the rate-limit keys in Redis, so deployments can share one server. */
  @IsString()
  RATE_LIMIT_REDIS_PREFIX: string = 'revops:rate-limit:';

  /** Off only where a gateway in front already limits each key. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  RATE_LIMIT_ENABLED: boolean = true;

  /** The window every limit below counts in; a caller over a limit waits one window. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(1, { message: 'must be at least 1' })
  @Max(86_400, { message: 'must be at most 86400' })
  RATE_LIMIT_WINDOW_SECONDS: number = 60;

  /** Requests per window and API key on every route without a budget of its own. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  RATE_LIMIT_PER_KEY: number = 600;

  /** Searches per window and API key (each embeds the query and reads the vectors). */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  RATE_LIMIT_SEARCH_PER_KEY: number = 120;

  /** Run triggers (sync, transform, validate, match, train) per window and API key. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  RATE_LIMIT_RUNS_PER_KEY: number = 20;

  /** Requests per window and client address without a valid key (they all answer 401). */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  RATE_LIMIT_PER_ADDRESS: number = 60;
}
