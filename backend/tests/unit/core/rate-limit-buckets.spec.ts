import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import {
  bucketOf,
  CoreConfig,
  limitMessage,
  loadConfig,
  RATE_LIMIT_BUDGET,
  throttlersFor,
  trackerOf,
} from '@revops/core';
import { SearchController } from '@revops/api/search/search.controller';
import { IngestionController } from '@revops/ingestion/http/ingestion.controller';
import { MatchesController, MatchingController } from '@revops/matching/http/matches.controller';
import { TransformationController } from '@revops/transformation/http/transformation.controller';
import { ValidationController } from '@revops/validation/http/validation.controller';

describe('rate-limit buckets', () => {
  const key = { keyId: 'k-1' };

  it('spends one bucket per request: the route budget of a key, else the address budget', () => {
    expect(bucketOf(key, undefined)).toBe('default');
    expect(bucketOf(key, 'search')).toBe('search');
    expect(bucketOf(key, 'runs')).toBe('runs');
    expect(bucketOf(undefined, 'search')).toBe('anonymous');
    expect(bucketOf(undefined, undefined)).toBe('anonymous');
  });

  it('counts a key by its id and a caller without one by address', () => {
    expect(trackerOf(key, '10.0.0.7')).toBe('key:k-1');
    expect(trackerOf(undefined, '10.0.0.7')).toBe('address:10.0.0.7');
  });

  it('builds one named throttler per bucket from the config, search and runs lower', () => {
    const throttlers = throttlersFor(loadConfig(CoreConfig, {}));
    expect(throttlers).toEqual([
      { name: 'default', ttl: 60_000, limit: 600 },
      { name: 'search', ttl: 60_000, limit: 120 },
      { name: 'runs', ttl: 60_000, limit: 20 },
      { name: 'anonymous', ttl: 60_000, limit: 60 },
    ]);
    const custom = throttlersFor(
      loadConfig(CoreConfig, { RATE_LIMIT_WINDOW_SECONDS: '10', RATE_LIMIT_SEARCH_PER_KEY: '5' }),
    );
    expect(custom.find((t) => t.name === 'search')).toEqual({ name: 'search', ttl: 10_000, limit: 5 }); // prettier-ignore
  });

  it('refuses limits that are not positive integers, naming the variable', () => {
    expect(() => loadConfig(CoreConfig, { RATE_LIMIT_RUNS_PER_KEY: '0' })).toThrow(
      /RATE_LIMIT_RUNS_PER_KEY: must be at least 1/,
    );
    expect(() => loadConfig(CoreConfig, { REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL/);
  });

  it('says which budget ran out, its size and when to come back', () => {
    expect(limitMessage('search', 120, 60_000, 42)).toBe(
      'Rate limit reached: at most 120 searches for this API key per 60 s. Retry after 42 s.',
    );
    expect(limitMessage('anonymous', 60, 60_000, 1)).toMatch(
      /60 requests without a valid API key from this address per 60 s/,
    );
  });

  it('marks the search routes and the five run triggers with their budgets', () => {
    const marked: string[] = [];
    const controllers = [
      SearchController,
      IngestionController,
      TransformationController,
      ValidationController,
      MatchesController,
      MatchingController,
    ];
    for (const controller of controllers) {
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
      const classBudget = Reflect.getMetadata(RATE_LIMIT_BUDGET, controller) as string | undefined;
      const prototype = controller.prototype as unknown as Record<string, object>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        if (name === 'constructor') continue;
        const handler = prototype[name];
        const path: unknown = Reflect.getMetadata(PATH_METADATA, handler);
        if (typeof path !== 'string') continue;
        const budget = Reflect.getMetadata(RATE_LIMIT_BUDGET, handler) ?? classBudget;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        if (budget) marked.push(`${budget} ${method} ${base}/${path}`);
      }
    }
    expect(marked.sort()).toEqual([
      'runs POST ingestion/:source/sync',
      'runs POST matching/model/train',
      'runs POST matching/run',
      'runs POST transform/:entity',
      'runs POST validate/run',
      'search GET search/opportunities',
      'search POST search/opportunities',
    ]);
  });
});
