import { Logger } from '@nestjs/common';
import { dirname } from 'node:path';
import { loadConfig } from '@revops/core';
import {
  Embedder,
  EmbeddingConfig,
  HttpEmbedder,
  QueryEmbedder,
  TransformersEmbedder,
} from '@revops/embedding';
import {
  EmbeddingStandin,
  STANDIN_MODEL_DIR,
  startEmbeddingStandin,
} from '../../fixtures/embedding-standin';

/** A real embedder that records each call's texts. */
class CountingEmbedder implements Embedder {
  readonly calls: string[][] = [];
  constructor(private readonly inner: Embedder) {}
  get modelId(): string {
    return this.inner.modelId;
  }
  get dimensions(): number {
    return this.inner.dimensions;
  }
  embed(texts: string[]): Promise<number[][]> {
    this.calls.push([...texts]);
    return this.inner.embed(texts);
  }
}

const config = (env: Record<string, string> = {}) => loadConfig(EmbeddingConfig, env);
const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i], 0);
const queries = (n: number, prefix = 'query') =>
  Array.from({ length: n }, (_, i) => `${prefix} ${i}: cloud migration for customer ${i * 7}`);

describe('QueryEmbedder on shared/models/use-lite-en', () => {
  let model: TransformersEmbedder;

  beforeAll(async () => {
    model = await new TransformersEmbedder({
      modelId: 'use-lite-en',
      modelsDir: dirname(STANDIN_MODEL_DIR),
      allowRemoteModels: false,
      quantized: false,
      pooling: 'mean',
    }).load();
  });

  it('pages and repeats of a query call the model once, and give the same vector', async () => {
    const counting = new CountingEmbedder(model);
    const queryEmbedder = new QueryEmbedder(counting, config());
    const first = await queryEmbedder.embedQuery('data platform for analytics');
    const second = await queryEmbedder.embedQuery('data platform for analytics');
    expect(second).toBe(first);
    expect(counting.calls).toEqual([['data platform for analytics']]);
    const [direct] = await model.embed(['data platform for analytics']);
    expect(dot(first, direct)).toBeGreaterThan(0.9999);
    expect(queryEmbedder.model).toEqual({ id: 'use-lite-en', dimensions: 512 });
  });

  it('concurrent asks of one query share one model call, with or without the cache', async () => {
    for (const size of ['1000', '0']) {
      const counting = new CountingEmbedder(model);
      const queryEmbedder = new QueryEmbedder(
        counting,
        config({ EMBEDDING_QUERY_CACHE_SIZE: size }),
      );
      const vectors = await Promise.all(
        Array.from({ length: 5 }, () => queryEmbedder.embedQuery('hospital records')),
      );
      expect(new Set(vectors).size).toBe(1);
      expect(counting.calls).toEqual([['hospital records']]);
    }
  });

  it('keeps at most EMBEDDING_QUERY_CACHE_SIZE queries, the least recently used out first; 0 keeps none', async () => {
    const counting = new CountingEmbedder(model);
    const queryEmbedder = new QueryEmbedder(counting, config({ EMBEDDING_QUERY_CACHE_SIZE: '2' }));
    for (const q of ['a bank', 'a retailer', 'a bank', 'a hospital', 'a bank', 'a retailer']) {
      await queryEmbedder.embedQuery(q);
    }
    // 'a retailer' fell out when 'a hospital' came in ('a bank' had just been used).
    expect(counting.calls.flat()).toEqual(['a bank', 'a retailer', 'a hospital', 'a retailer']);

    const none = new CountingEmbedder(model);
    const uncached = new QueryEmbedder(none, config({ EMBEDDING_QUERY_CACHE_SIZE: '0' }));
    await uncached.embedQuery('a bank');
    await uncached.embedQuery('a bank');
    expect(none.calls).toHaveLength(2);
  });

  it('embeds concurrent distinct queries together: those asked during a model call go as the next call', async () => {
    const counting = new CountingEmbedder(model);
    const queryEmbedder = new QueryEmbedder(counting, config());
    const [first, ...rest] = queries(6);
    const pendingFirst = queryEmbedder.embedQuery(first);
    await new Promise((resolve) => setImmediate(resolve)); // its model call has started
    expect(counting.calls).toEqual([[first]]);
    const vectors = await Promise.all([
      pendingFirst,
      ...rest.map((q) => queryEmbedder.embedQuery(q)),
    ]);
    expect(counting.calls).toEqual([[first], rest]);

    // Each query gets its own vector, as if embedded alone.
    const alone = await model.embed([first, ...rest]);
    vectors.forEach((vector, i) => expect(dot(vector, alone[i])).toBeGreaterThan(0.9999));
  });

  it('asked in one go, distinct queries share calls of at most EMBEDDING_QUERY_BATCH_MAX', async () => {
    const counting = new CountingEmbedder(model);
    const queryEmbedder = new QueryEmbedder(counting, config({ EMBEDDING_QUERY_BATCH_MAX: '16' }));
    const texts = queries(40, 'batch');
    const vectors = await Promise.all(texts.map((q) => queryEmbedder.embedQuery(q)));
    expect(counting.calls.map((call) => call.length)).toEqual([16, 16, 8]);
    expect(counting.calls.flat()).toEqual(texts);
    expect(vectors.every((v) => v.length === 512)).toBe(true);
  });
});

describe('QueryEmbedder when the model fails (HTTP embedder, stand-in answering 500)', () => {
  let standin: EmbeddingStandin;
  let counting: CountingEmbedder;
  let queryEmbedder: QueryEmbedder;

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    standin = await startEmbeddingStandin();
    const http = await new HttpEmbedder({
      url: standin.url,
      protocol: 'tei',
      modelId: 'use-lite-en',
      timeoutMs: 10_000,
      batchSize: 32,
      retries: 0,
    }).load();
    counting = new CountingEmbedder(http);
    queryEmbedder = new QueryEmbedder(counting, config());
  });
  afterAll(() => standin?.close());

  it('gives the error to every query waiting on the call, keeps nothing, and embeds them once the model is back', async () => {
    standin.failWith = 500;
    const first = queryEmbedder.embedQuery('a bank in Japan');
    await new Promise((resolve) => setImmediate(resolve));
    const waiting = [
      queryEmbedder.embedQuery('a bank in Japan'), // same query: shares the first call
      queryEmbedder.embedQuery('a retailer in Brazil'),
      queryEmbedder.embedQuery('a hospital group'),
    ];
    const results = await Promise.allSettled([first, ...waiting]);
    for (const result of results) {
      expect(result).toMatchObject({
        status: 'rejected',
        reason: expect.objectContaining({
          message: expect.stringContaining(`${standin.url}/embed answered 500`),
        }),
      });
    }
    expect(counting.calls).toEqual([
      ['a bank in Japan'],
      ['a retailer in Brazil', 'a hospital group'],
    ]);

    standin.failWith = undefined;
    const vector = await queryEmbedder.embedQuery('a bank in Japan');
    expect(vector).toHaveLength(512);
    expect(counting.calls).toHaveLength(3);
    expect(await queryEmbedder.embedQuery('a bank in Japan')).toBe(vector);
    expect(counting.calls).toHaveLength(3);
  });
});
