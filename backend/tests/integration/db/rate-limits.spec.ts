import { INestApplication } from '@nestjs/common';
import { SearchModule } from '@revops/api';
import { ApiKeyService, CoreConfig, RateLimitStorage } from '@revops/core';
import { ApiKeyEntity } from '@revops/models';
import { ValidationModule } from '@revops/validation';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';
import { describeWithRedis, testRedisUrl } from '../../fixtures/test-redis';

// A window far longer than any run, so no counter resets while a test counts.
const WINDOW_SECONDS = 3600;

const LIMITS: Partial<CoreConfig> = {
  RATE_LIMIT_ENABLED: true,
  RATE_LIMIT_WINDOW_SECONDS: WINDOW_SECONDS,
  RATE_LIMIT_PER_KEY: 20,
  RATE_LIMIT_SEARCH_PER_KEY: 3,
  RATE_LIMIT_RUNS_PER_KEY: 2,
  RATE_LIMIT_PER_ADDRESS: 4,
};

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/** Nothing listens on port 1: a connection there is refused at once. */
const REFUSING_REDIS = 'redis://127.0.0.1:1';

const configWith = (values: Partial<CoreConfig>): CoreConfig =>
  Object.assign(new CoreConfig(), LIMITS, values);

/** n requests one after the other (a burst from one client), their statuses in order. */
async function statuses(n: number, send: () => request.Test): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < n; i++) seen.push((await send()).status);
  return seen;
}

function expectTooManyRequests(response: request.Response, message: RegExp): void {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
  expect(response.body).toEqual({
    statusCode: 429,
    error: 'too_many_requests',
    message: expect.stringMatching(message),
    correlationId: response.headers['x-correlation-id'],
  });
}

describeWithDatabase('Rate limits (in memory)', () => {
  useTestDatabase();
  let app: INestApplication;
  const newKey = async (role: 'analyst' | 'engineer') =>
    (await app.get(ApiKeyService).create(`rl-${randomUUID()}`, role, 'test')).key;

  // An app per test: its own counters, so no test spends a budget another one counts on
  // (the anonymous budget above all: every test sends from the same address).
  beforeEach(async () => {
    app = await createTestApp([SearchModule, ValidationModule], {}, LIMITS);
  });
  afterEach(() => app?.close());

  const http = () => request(app.getHttpServer());

  it('answers a search burst over the limit with 429, Retry-After and the usual error body', async () => {
    const key = await newKey('analyst');
    const search = () => http().get('/api/v1/search/opportunities?q=crm').set(bearer(key));
    expect(await statuses(3, search)).toEqual([200, 200, 200]);

    const refused = await search().set('x-correlation-id', 'rl-burst-1');
    expectTooManyRequests(refused, /at most 3 searches for this API key per 3600 s/);
    expect(refused.body.correlationId).toBe('rl-burst-1');
    // POST spends the same search budget as GET.
    const byBody = await http()
      .post('/api/v1/search/opportunities')
      .set(bearer(key))
      .send({ q: 'crm' });
    expectTooManyRequests(byBody, /searches/);
  });

  it('keeps the general and the run-trigger budgets apart from the search budget', async () => {
    const key = await newKey('engineer');
    const search = () => http().get('/api/v1/search/opportunities?q=erp').set(bearer(key));
    expect(await statuses(4, search)).toEqual([200, 200, 200, 429]);

    // The general budget is untouched by the searches.
    const rules = () => http().get('/api/v1/validate/rules').set(bearer(key));
    expect(await statuses(5, rules)).toEqual([200, 200, 200, 200, 200]);

    // The run triggers have their own, lower budget: a refused body (400) starts no run
    // but spends it, since the limit is checked before the request is read.
    const trigger = () => http().post('/api/v1/validate/run').set(bearer(key)).send({ x: 1 });
    expect(await statuses(2, trigger)).toEqual([400, 400]);
    expectTooManyRequests(await trigger(), /at most 2 run triggers for this API key/);
    await rules().expect(200);
  });

  it('limits requests without a valid key by address, without touching a valid key', async () => {
    const key = await newKey('analyst');
    const anonymous = () => http().get('/api/v1/validate/rules');
    const wrongKey = () =>
      http()
        .get('/api/v1/validate/rules')
        .set(bearer('rvo_abcdef12_' + 'x'.repeat(43)));
    expect(await statuses(2, anonymous)).toEqual([401, 401]);
    expect(await statuses(2, wrongKey)).toEqual([401, 401]);

    expectTooManyRequests(
      await anonymous(),
      /at most 4 requests without a valid API key from this address/,
    );
    expectTooManyRequests(await wrongKey(), /without a valid API key/);
    // The same address with a valid key spends that key's budget, which the flood left whole.
    await http().get('/api/v1/validate/rules').set(bearer(key)).expect(200);
    await http().get('/api/v1/search/opportunities?q=crm').set(bearer(key)).expect(200);
    // /health is never limited.
    expect(await statuses(3, () => http().get('/health'))).toEqual([200, 200, 200]);
  });

  it("records a key's use only for the requests the limit lets through", async () => {
    const { id, key } = await app.get(ApiKeyService).create('rl-last-used', 'analyst', 'test');
    const keys = app.get(DataSource).getRepository(ApiKeyEntity);
    const lastUsedAt = async () => (await keys.findOneByOrFail({ id })).lastUsedAt;
    const search = () => http().get('/api/v1/search/opportunities?q=crm').set(bearer(key));
    expect(await statuses(3, search)).toEqual([200, 200, 200]);
    expect(await lastUsedAt()).toBeInstanceOf(Date);

    // Cleared, so the next use writes it again (at most one write a minute otherwise).
    await keys.update({ id }, { lastUsedAt: null });
    expectTooManyRequests(await search(), /searches/);
    expect(await lastUsedAt()).toBeNull();
    await http().get('/api/v1/validate/rules').set(bearer(key)).expect(200);
    expect(await lastUsedAt()).toBeInstanceOf(Date);
  });
});

describeWithDatabase('Rate limits when the configured Redis does not answer', () => {
  useTestDatabase();

  it('keeps limiting, in memory', async () => {
    const app = await createTestApp([SearchModule], {}, { ...LIMITS, REDIS_URL: REFUSING_REDIS });
    try {
      const { key } = await app.get(ApiKeyService).create('rl-no-redis', 'analyst', 'test');
      const search = () =>
        request(app.getHttpServer()).get('/api/v1/search/opportunities?q=crm').set(bearer(key));
      expect(await statuses(4, search)).toEqual([200, 200, 200, 429]);
    } finally {
      await app.close();
    }
  });

  it('boots on the refusal instead of waiting out its boot wait, and leaves no timer behind', async () => {
    // Fake timers: the storage's boot wait can never expire, so only the refusal can end it.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const storage = new RateLimitStorage(configWith({ REDIS_URL: REFUSING_REDIS }));
      await storage.onModuleInit();
      // Counted in memory meanwhile.
      const record = await storage.increment('k', 60_000, 1, 60_000, 'default');
      expect(record).toMatchObject({ totalHits: 1, isBlocked: false });
      storage.onModuleDestroy();
      // ioredis gives a socket it ends disconnectTimeout (500 ms) to close, even one that
      // is closed already; past that, nothing is left: neither the 2 s boot wait, nor a
      // reconnection, nor the memory counters' sweep.
      jest.advanceTimersByTime(500);
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});

describeWithRedis('Rate limits shared by two apps through Redis', () => {
  useTestDatabase();
  // One prefix per run and file, so parallel runs and the two database projects never collide.
  const prefix = `revops-test:${randomUUID()}:`;
  let apps: INestApplication[] = [];
  let key: string;

  beforeAll(async () => {
    const config = { ...LIMITS, REDIS_URL: testRedisUrl(), RATE_LIMIT_REDIS_PREFIX: prefix };
    apps = [
      await createTestApp([SearchModule], {}, config),
      await createTestApp([SearchModule], {}, config),
    ];
    const created = await apps[0].get(ApiKeyService).create('rl-shared', 'analyst', 'test');
    key = created.key;
    // Two replicas share one database; on PGlite each app has its own, so the key is copied.
    const row = await apps[0].get(DataSource).getRepository(ApiKeyEntity).findOneByOrFail({ id: created.id }); // prettier-ignore
    const second = apps[1].get(DataSource).getRepository(ApiKeyEntity);
    if (!(await second.findOneBy({ id: created.id }))) await second.save(row);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    const redis = new Redis(testRedisUrl());
    try {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  });

  it('counts requests split across both apps against one limit', async () => {
    const searchOn = (app: INestApplication) => () =>
      request(app.getHttpServer()).get('/api/v1/search/opportunities?q=crm').set(bearer(key));
    const [first, second] = apps.map(searchOn);

    // 3 allowed in total: two on the first app, one on the second.
    expect(await statuses(1, first)).toEqual([200]);
    expect(await statuses(1, second)).toEqual([200]);
    expect(await statuses(1, first)).toEqual([200]);
    // Each app has seen at most two searches, yet both refuse now: the count is shared.
    expectTooManyRequests(await second(), /at most 3 searches/);
    expectTooManyRequests(await first(), /at most 3 searches/);

    const redis = new Redis(testRedisUrl());
    try {
      expect((await redis.keys(`${prefix}*`)).length).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });
});

describeWithRedis('Rate limits on Redis, at app close', () => {
  useTestDatabase();
  const prefix = `revops-test:${randomUUID()}:`;

  afterAll(async () => {
    const redis = new Redis(testRedisUrl());
    try {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  });

  it('closes its Redis connection and leaves no timer behind', async () => {
    const handles = () =>
      process
        .getActiveResourcesInfo()
        .filter((kind) => kind === 'TCPSocketWrap' || kind === 'Timeout').length;
    const before = handles();
    const app = await createTestApp(
      [SearchModule],
      {},
      { ...LIMITS, REDIS_URL: testRedisUrl(), RATE_LIMIT_REDIS_PREFIX: prefix },
    );
    const { key } = await app.get(ApiKeyService).create('rl-close', 'analyst', 'test');
    await request(app.getHttpServer())
      .get('/api/v1/search/opportunities?q=crm')
      .set(bearer(key))
      .expect(200);
    const redis = new Redis(testRedisUrl());
    try {
      expect((await redis.keys(`${prefix}*`)).length).toBeGreaterThan(0); // it did use Redis
    } finally {
      redis.disconnect();
    }

    await app.close();
    // A socket's close completes on a later turn of the event loop: look again a few times.
    for (let look = 0; look < 50 && handles() > before; look++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(handles()).toBeLessThanOrEqual(before);
  });
});
