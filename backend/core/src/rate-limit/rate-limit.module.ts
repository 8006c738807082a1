import { Module } from '@nestjs/common';
import { ThrottlerModule, ThrottlerModuleOptions } from '@nestjs/throttler';
import { CoreConfig } from '../config/core.config';
import { throttlersFor } from './rate-limit-buckets';
import { RateLimitStorage } from './rate-limit.storage';

@Module({ providers: [RateLimitStorage], exports: [RateLimitStorage] })
class RateLimitStorageModule {}

/**
 * The throttler's options and storage for RateLimitGuard: one named throttler per budget
 * (limits from CoreConfig), counted in Redis with REDIS_URL, in memory otherwise.
 */
export const RateLimitModule = ThrottlerModule.forRootAsync({
  imports: [RateLimitStorageModule],
  inject: [CoreConfig, RateLimitStorage],
  useFactory: (config: CoreConfig, storage: RateLimitStorage): ThrottlerModuleOptions => ({
    throttlers: throttlersFor(config),
    storage,
  }),
});
