import type { ThrottlerOptions } from '@nestjs/throttler';
import type { CoreConfig } from '../config/core.config';

/** Route kinds with a budget of their own, lower than the general one (see @RateLimit). */
export type RouteBudget = 'search' | 'runs';

/**
 * Every budget a request can spend; each request spends exactly one. `default`, `search`
 * and `runs` count per API key; `anonymous` counts requests without a valid key per client
 * address, so a flood of bad keys never touches a real key's budget.
 */
export type RateLimitBucket = 'default' | RouteBudget | 'anonymous';

export interface Caller {
  keyId: string;
}

export function bucketOf(
  caller: Caller | undefined,
  route: RouteBudget | undefined,
): RateLimitBucket {
  if (!caller) return 'anonymous';
  return route ?? 'default';
}

/** Whom the bucket counts for: the key id, or the client address without a valid key. */
export function trackerOf(caller: Caller | undefined, address: string): string {
  return caller ? `key:${caller.keyId}` : `address:${address}`;
}

/** The named throttlers of @nestjs/throttler, one per bucket, limits from the config. */
export function throttlersFor(
  config: Pick<
    CoreConfig,
    | 'RATE_LIMIT_WINDOW_SECONDS'
    | 'RATE_LIMIT_PER_KEY'
    | 'RATE_LIMIT_SEARCH_PER_KEY'
    | 'RATE_LIMIT_RUNS_PER_KEY'
    | 'RATE_LIMIT_PER_ADDRESS'
  >,
): (ThrottlerOptions & { name: RateLimitBucket })[] {
  const ttl = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
  return [
    { name: 'default', ttl, limit: config.RATE_LIMIT_PER_KEY },
    { name: 'search', ttl, limit: config.RATE_LIMIT_SEARCH_PER_KEY },
    { name: 'runs', ttl, limit: config.RATE_LIMIT_RUNS_PER_KEY },
    { name: 'anonymous', ttl, limit: config.RATE_LIMIT_PER_ADDRESS },
  ];
}

const SPENT_ON: Record<RateLimitBucket, string> = {
  default: 'requests for this API key',
  search: 'searches for this API key',
  runs: 'run triggers for this API key',
  anonymous: 'requests without a valid API key from this address',
};

/** The 429 message: which budget ran out, its size, and when to come back. */
export function limitMessage(
  bucket: RateLimitBucket,
  limit: number,
  ttlMs: number,
  retryAfterSeconds: number,
): string {
  return (
    `Rate limit reached: at most ${limit} ${SPENT_ON[bucket]} per ${Math.round(ttlMs / 1000)} s. ` +
    `Retry after ${retryAfterSeconds} s.`
  );
}
