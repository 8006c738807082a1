import { INestApplication } from '@nestjs/common';
import { ignoreProgress } from '@revops/core';
import {
  EMBEDDER,
  EmbeddingModule,
  EmbeddingService,
  EmbeddingsRepository,
  HttpEmbedder,
} from '@revops/embedding';
import type { Embedder } from '@revops/embedding';
import { IngestionModule, IngestionService } from '@revops/ingestion';
import { TransformationModule, TransformationService } from '@revops/transformation';
import { ValidationModule, ValidationService } from '@revops/validation';
import { DataSource } from 'typeorm';
import { EmbeddingStandin, startEmbeddingStandin } from '../../fixtures/embedding-standin';
import { SAMPLES_DIR } from '../../fixtures/paths';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

describeWithDatabase('embedding worker on an inference server that answers 500', () => {
  useTestDatabase();
  let standin: EmbeddingStandin;
  let app: INestApplication;
  const saved = { ...process.env };

  beforeAll(async () => {
    standin = await startEmbeddingStandin({ protocol: 'tei' });
    Object.assign(process.env, {
      EMBEDDING_PROVIDER: 'http',
      EMBEDDING_HTTP_URL: standin.url,
      EMBEDDING_HTTP_PROTOCOL: 'tei',
      EMBEDDING_MODEL: 'use-lite-en',
      EMBEDDING_HTTP_RETRIES: '1',
      EMBEDDING_MAX_FAILURES: '3',
      // Long enough that the worker does not resume while the test looks.
      EMBEDDING_PAUSE_SECONDS: '600',
    });
    // The app starts while the server answers: each process embeds a probe text at start.
    app = await createTestApp([
      IngestionModule,
      TransformationModule,
      ValidationModule,
      EmbeddingModule,
    ]);
    if (!(app.get<Embedder>(EMBEDDER) instanceof HttpEmbedder)) {
      throw new Error('the app is not on the HTTP embedder');
    }
    await app.get(IngestionService).ingestSampleFiles(SAMPLES_DIR);
    await app.get(TransformationService).transformAll('test', ignoreProgress);
    await app.get(ValidationService).run('test', ignoreProgress);
  });
  afterAll(async () => {
    await app?.close();
    await standin?.close();
    process.env = saved;
  });

  it('opens the circuit, keeps every document pending and quarantines nothing', async () => {
    const embedding = app.get(EmbeddingService);
    const backlog = () => app.get(EmbeddingsRepository).backlog('use-lite-en');
    standin.failWith = 500;
    standin.requests.length = 0;

    const run = await embedding.embedChanged('test');
    expect(run.documents).toBeGreaterThan(100);
    expect(run).toMatchObject({ embedded: 0, quarantined: 0, pending: run.documents });
    expect(run.paused?.reason).toMatch(/answered 500 Internal Server Error/);
    expect(embedding.modelCircuit).toBe('open');
    // Three failed model calls (the batch, then texts one by one), each tried twice; under
    // load, a kept-alive connection the server has just closed can fail a try unseen.
    const failed = standin.requests.length;
    expect(failed).toBeGreaterThanOrEqual(3);
    expect(failed).toBeLessThanOrEqual(6);
    expect(standin.requests.every((r) => r.status === 500)).toBe(true);
    const pending = await backlog();
    expect(pending).toEqual({
      documents: run.documents,
      embedded: 0,
      pending: run.documents,
      quarantined: 0,
    });
    const quarantined = await app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM ops.quarantine WHERE stage = 'embedding'`);
    expect(quarantined[0].n).toBe(0);

    // While the circuit is open the server is not called, and the backlog stays as it was.
    const again = await embedding.embedChanged('test');
    expect(again).toMatchObject({ embedded: 0, quarantined: 0, pending: run.documents });
    expect(standin.requests).toHaveLength(failed);
    expect(await backlog()).toEqual(pending);
  });
});
