import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { CoreConfig } from '../config/core.config';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** A request never waits longer than this for Redis before it is counted in memory. */
const REDIS_COMMAND_TIMEOUT_MS = 500;
/** How long boot waits for Redis before serving with in-memory counts (it keeps trying). */
const REDIS_BOOT_WAIT_MS = 2000;

/**
 * Where rate-limit counters live: in Redis when REDIS_URL is set, so every replica spends
 * one budget per key; in this process's memory otherwise.
 *
 * When Redis cannot answer, counting falls back to memory (fail open, but not unlimited):
 * each replica then limits on its own, so the effective limit is the replica count times
 * looser until Redis is back, and the log says so once per outage. Failing closed would
 * turn an outage of a cache into an outage of the whole API; failing open without counting
 * would leave it unprotected exactly when something is already wrong.
 */
@Injectable()
export class RateLimitStorage implements ThrottlerStorage, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RateLimitStorage.name);
  private readonly memory = new ThrottlerStorageService();
  private readonly redis?: Redis;
  private readonly shared?: ThrottlerStorageRedisService;
  private readonly redisHost?: string;
  private degraded = false;
  private closed = false;

  constructor(config: CoreConfig) {
    if (!config.REDIS_URL) return;
    this.redisHost = new URL(config.REDIS_URL).host;
    this.redis = new Redis(config.REDIS_URL, {
      keyPrefix: config.RATE_LIMIT_REDIS_PREFIX,
      // Fail at once while disconnected instead of queueing requests behind a reconnect.
      enableOfflineQueue: false,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      connectTimeout: REDIS_BOOT_WAIT_MS,
      // Shutdown waits this long at most for a socket that never opened to report closing.
      disconnectTimeout: REDIS_COMMAND_TIMEOUT_MS,
    });
    this.redis.on('error', (error: Error) => this.degrade(error));
    this.redis.on('ready', () => this.recover());
    this.shared = new ThrottlerStorageRedisService(this.redis);
  }

  /**
   * Waits for Redis at most REDIS_BOOT_WAIT_MS, and no longer than its first answer: ready,
   * or refused (error) or given up (end), when boot goes on counting in memory at once.
   */
  async onModuleInit(): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready' || this.degraded) return;
    const ready = await new Promise<boolean>((resolve) => {
      const settle = (outcome: boolean) => () => {
        clearTimeout(timer);
        redis.off('ready', onReady).off('error', onFailure).off('end', onFailure);
        resolve(outcome);
      };
      const onReady = settle(true);
      const onFailure = settle(false);
      const timer = setTimeout(onFailure, REDIS_BOOT_WAIT_MS);
      redis.once('ready', onReady).once('error', onFailure).once('end', onFailure);
    });
    // A refusal was logged by the error listener already; this one covers the silent wait.
    if (!ready) this.degrade(new Error(`no answer within ${REDIS_BOOT_WAIT_MS} ms at boot`));
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    if (this.shared && this.redis?.status === 'ready') {
      try {
        const record = await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
        this.recover();
        return record;
      } catch (error) {
        this.degrade(error);
      }
    }
    return this.memory.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  onModuleDestroy(): void {
    // Nest may call this twice: the throttler module holds the same instance.
    if (this.closed) return;
    this.closed = true;
    this.redis?.disconnect();
    this.memory.onApplicationShutdown();
  }

  private degrade(error: unknown): void {
    if (this.degraded || this.closed) return;
    this.degraded = true;
    this.logger.warn({
      msg: 'Redis unavailable: rate limits count in this process only until it is back',
      redis: this.redisHost,
      error: error instanceof Error ? error.message : String(error),
    });
  }

  private recover(): void {
    if (!this.degraded || this.closed) return;
    this.degraded = false;
    this.logger.log({ msg: 'Redis is back: rate limits are shared again', redis: this.redisHost });
  }
}
