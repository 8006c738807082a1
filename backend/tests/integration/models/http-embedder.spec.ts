import { Logger } from '@nestjs/common';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { loadConfig } from '@revops/core';
import {
  EmbeddingConfig,
  EmbeddingHttpError,
  HttpEmbedder,
  HttpEmbedderOptions,
  selectEmbedder,
  TransformersEmbedder,
} from '@revops/embedding';
import {
  EmbeddingStandin,
  STANDIN_MODEL_DIR,
  startEmbeddingStandin,
} from '../../fixtures/embedding-standin';

const texts = [
  'Data warehouse migration to Amazon Redshift for a retailer',
  'Contact center modernisation with Amazon Connect',
  'Hospital moves its electronic health records to AWS',
  'SAP on AWS for a manufacturer in Brazil',
  'Landing zone and disaster recovery for a bank',
];

const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i], 0);

describe('HttpEmbedder against the stand-in serving shared/models/use-lite-en', () => {
  let standin: EmbeddingStandin;
  let inProcess: number[][];

  beforeAll(async () => {
    Logger.overrideLogger(['error']); // no app here to take LOG_LEVEL
    standin = await startEmbeddingStandin();
    inProcess = await new TransformersEmbedder({
      modelId: 'use-lite-en',
      modelsDir: dirname(STANDIN_MODEL_DIR),
      allowRemoteModels: false,
      quantized: false,
      pooling: 'mean',
    }).embed(texts);
  });
  afterAll(() => standin?.close());
  beforeEach(() => {
    standin.requests.length = 0;
    Object.assign(standin, { failWith: undefined, failTimes: undefined });
  });

  const embedder = (options: Partial<HttpEmbedderOptions> = {}) =>
    new HttpEmbedder({
      url: standin.url,
      protocol: 'tei',
      modelId: 'use-lite-en',
      timeoutMs: 10_000,
      batchSize: 32,
      retries: 2,
      retryBaseDelayMs: 1,
      ...options,
    });

  it.each(['tei', 'openai'] as const)(
    '%s: learns the dimension, sends batches of EMBEDDING_BATCH_SIZE, returns the in-process vectors in order, normalised',
    async (protocol) => {
      const http = await embedder({ protocol, batchSize: 2 }).load();
      expect(http.dimensions).toBe(512);
      standin.requests.length = 0;

      const vectors = await http.embed(texts);
      const path = protocol === 'tei' ? '/embed' : '/v1/embeddings';
      expect(standin.requests.map((r) => [r.path, r.texts, r.status])).toEqual([
        [path, 2, 200],
        [path, 2, 200],
        [path, 1, 200],
      ]);
      expect(vectors).toHaveLength(texts.length);
      vectors.forEach((vector, i) => {
        expect(dot(vector, vector)).toBeCloseTo(1, 6);
        expect(dot(vector, inProcess[i])).toBeGreaterThan(0.9999);
      });
    },
  );

  it('sends the API key as a bearer token; a wrong key fails at once, naming the URL and status but not the key', async () => {
    const guarded = await startEmbeddingStandin({ apiKey: 'sk-right' });
    try {
      const ok = embedder({ url: guarded.url, apiKey: 'sk-right' });
      expect(await ok.embed(['hello'])).toHaveLength(1);
      expect(guarded.requests[0].authorization).toBe('Bearer sk-right');

      const wrong = embedder({ url: guarded.url, apiKey: 'sk-wrong-secret' });
      const error = await wrong.embed(['hello']).catch((e: unknown) => e as EmbeddingHttpError);
      expect(error).toBeInstanceOf(EmbeddingHttpError);
      expect(error).toMatchObject({ status: 401, retryable: false });
      expect((error as Error).message).toContain(`${guarded.url}/embed answered 401`);
      expect((error as Error).message).not.toContain('sk-wrong-secret');
      expect(guarded.requests).toHaveLength(2); // a 401 is not tried again
    } finally {
      await guarded.close();
    }
  });

  it('tries a 500 again with backoff, then fails naming the URL and the status', async () => {
    standin.failWith = 500;
    await expect(embedder({ retries: 2 }).embed(['hello'])).rejects.toThrow(
      `Embedding server ${standin.url}/embed answered 500 Internal Server Error`,
    );
    expect(standin.requests.map((r) => r.status)).toEqual([500, 500, 500]);

    // A 503 that passes: the retry gets the vector.
    standin.requests.length = 0;
    Object.assign(standin, { failWith: 503, failTimes: 1 });
    expect(await embedder({ retries: 2 }).embed(['hello'])).toHaveLength(1);
    expect(standin.requests.map((r) => r.status)).toEqual([503, 200]);
  });

  it('says which model an OpenAI-compatible server does not serve (a 404 is not retried)', async () => {
    const wrong = embedder({ protocol: 'openai', modelId: 'BAAI/bge-m3' });
    await expect(wrong.embed(['hello'])).rejects.toThrow(
      /v1\/embeddings answered 404 Not Found: .*BAAI\/bge-m3.* does not exist/,
    );
    expect(standin.requests).toHaveLength(1);
  });

  it('names the URL when nothing listens there, and when the server does not answer in time', async () => {
    const closed = await listen(createServer());
    const url = `http://127.0.0.1:${port(closed)}`;
    await new Promise((resolve) => closed.close(resolve));
    await expect(embedder({ url, retries: 1 }).embed(['hello'])).rejects.toThrow(
      `Embedding server ${url}/embed: ECONNREFUSED`,
    );

    const silent = await listen(createServer(() => undefined)); // reads, never answers
    try {
      const slow = embedder({
        url: `http://127.0.0.1:${port(silent)}`,
        timeoutMs: 200,
        retries: 0,
      });
      await expect(slow.embed(['hello'])).rejects.toThrow(/embed: no answer within 200 ms/);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  describe('selectEmbedder with EMBEDDING_PROVIDER=http', () => {
    const config = (env: Record<string, string>) =>
      loadConfig(EmbeddingConfig, {
        EMBEDDING_PROVIDER: 'http',
        EMBEDDING_HTTP_URL: standin.url,
        EMBEDDING_MODEL: 'use-lite-en',
        EMBEDDING_HTTP_RETRIES: '0',
        ...env,
      });

    it.each(['tei', 'openai'])(
      '%s: probes the server once and reports 512 dimensions',
      async (p) => {
        const chosen = await selectEmbedder(config({ EMBEDDING_HTTP_PROTOCOL: p }));
        expect(chosen).toBeInstanceOf(HttpEmbedder);
        expect(chosen).toMatchObject({ modelId: 'use-lite-en', dimensions: 512 });
        expect(standin.requests).toHaveLength(1);
      },
    );

    it('stops when EMBEDDING_DIMENSIONS disagrees with the server, naming the variables', async () => {
      await expect(selectEmbedder(config({ EMBEDDING_DIMENSIONS: '512' }))).resolves.toBeTruthy();
      await expect(selectEmbedder(config({ EMBEDDING_DIMENSIONS: '1024' }))).rejects.toThrow(
        'EMBEDDING_DIMENSIONS=1024, but the model EMBEDDING_MODEL=use-lite-en (EMBEDDING_PROVIDER=http) gives vectors of 512 dimensions',
      );
    });

    it('stops when the server cannot embed the probe, naming EMBEDDING_HTTP_URL and the status', async () => {
      standin.failWith = 500;
      await expect(selectEmbedder(config({}))).rejects.toThrow(
        /EMBEDDING_PROVIDER=http: the inference server \(EMBEDDING_HTTP_URL, protocol tei\) did not embed a probe text: .*answered 500/,
      );
    });
  });
});

function listen(server: Server): Promise<Server> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function port(server: Server): number {
  return (server.address() as AddressInfo).port;
}
