import { SetMetadata } from '@nestjs/common';
import type { RouteBudget } from './rate-limit-buckets';

export const RATE_LIMIT_BUDGET = 'revops:rateLimitBudget';

/**
 * The route spends the caller's `search` or `runs` budget (RATE_LIMIT_SEARCH_PER_KEY,
 * RATE_LIMIT_RUNS_PER_KEY) instead of the general one. Unmarked routes spend the general
 * budget; @Public() routes (health, metrics) spend none.
 */
export const RateLimit = (budget: RouteBudget): MethodDecorator & ClassDecorator =>
  SetMetadata(RATE_LIMIT_BUDGET, budget);
