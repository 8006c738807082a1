import { INestApplication } from '@nestjs/common';
import {
  ApiKeyService,
  CoreConfig,
  createLogger,
  QuarantineRepository,
  ReadinessChecks,
  WinstonNestLogger,
} from '@revops/core';
import { EMBEDDER, EmbeddingModule } from '@revops/embedding';
import type { Embedder } from '@revops/embedding';
import { IngestionModule, IngestionService } from '@revops/ingestion';
import { TransformationModule, TransformationService } from '@revops/transformation';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import * as winston from 'winston';
import { SAMPLES_DIR } from '../../fixtures/paths';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

type Labels = Record<string, string>;
interface Sample {
  name: string;
  labels: Labels;
  value: number;
}

/** The samples of a Prometheus text exposition. */
function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match) continue;
    const labels: Labels = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key] = value;
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the one sample named `name` whose labels include `labels`; 0 when none. */
function valueOf(samples: Sample[], name: string, labels: Labels = {}): number {
  const found = samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} matches several`);
  return found[0]?.value ?? 0;
}

/** Every log line the app writes, as JSON objects. */
function captureLogs(): { logger: WinstonNestLogger; lines: () => Record<string, unknown>[] } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += chunk));
  const logger = createLogger('test', 'debug', 'json', new winston.transports.Stream({ stream }));
  return {
    logger: new WinstonNestLogger(logger),
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  };
}

describeWithDatabase('operations endpoints: /metrics, health, access log', () => {
  useTestDatabase();
  let app: INestApplication;
  let db: DataSource;
  let key: string;
  let keyId: string;
  const logs = captureLogs();

  const scrape = async (): Promise<Sample[]> => {
    const response = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain;.*\bversion=0\.0\.4/);
    return parseMetrics(response.text);
  };

  beforeAll(async () => {
    app = await createTestApp([IngestionModule, TransformationModule, EmbeddingModule]);
    app.useLogger(logs.logger);
    db = app.get(DataSource);
    const created = await app.get(ApiKeyService).create('ops-test', 'engineer', 'test');
    key = created.key;
    keyId = (await db.query('SELECT id FROM ops.api_keys WHERE name = $1', ['ops-test']))[0].id;
  });
  afterAll(() => app?.close());

  it('exposes every named series on /metrics, without a key and outside /api/v1', async () => {
    await request(app.getHttpServer()).get('/health').expect(200);
    const response = await request(app.getHttpServer()).get('/metrics').expect(200);
    for (const name of [
      'revops_http_requests_total',
      'revops_http_request_duration_seconds',
      'revops_outbox_backlog_events',
      'revops_outbox_oldest_age_seconds',
      'revops_dead_letter_events',
      'revops_event_consumer_lag_messages',
      'revops_sync_runs_total',
      'revops_sync_run_duration_seconds',
      'revops_sync_rows_total',
      'revops_job_runs_total',
      'revops_job_run_duration_seconds',
      'revops_job_rows_total',
      'revops_circuit_breaker_state',
      'revops_quarantine_rows',
      'revops_ops_metrics_up',
      'revops_process_cpu_seconds_total',
    ]) {
      expect(response.text).toContain(`# TYPE ${name} `);
    }
    const samples = parseMetrics(response.text);
    expect(valueOf(samples, 'revops_ops_metrics_up')).toBe(1);
    const health = { method: 'GET', route: '/health', status: '200' };
    expect(valueOf(samples, 'revops_http_requests_total', health)).toBeGreaterThanOrEqual(1);
    expect(valueOf(samples, 'revops_http_request_duration_seconds_count', health)).toBeGreaterThanOrEqual(1); // prettier-ignore
    expect(valueOf(samples, 'revops_process_cpu_seconds_total')).toBeGreaterThan(0);
    // Consumer lag stays registered-only here: it is set by a Kafka consumer's batches, and
    // this app consumes none (KAFKA_BROKERS unset), so the series has no sample.
    expect(samples.some((s) => s.name === 'revops_event_consumer_lag_messages')).toBe(false);
    const circuit = { breaker: 'embedding-model' };
    expect(valueOf(samples, 'revops_circuit_breaker_state', { ...circuit, state: 'closed' })).toBe(1); // prettier-ignore
    expect(valueOf(samples, 'revops_circuit_breaker_state', { ...circuit, state: 'open' })).toBe(0);
    await request(app.getHttpServer()).get('/api/v1/metrics').expect(404);
  });

  it('counts a sync and a transform when they finish: runs, durations, rows', async () => {
    const before = await scrape();
    const [odoo] = await app.get(IngestionService).ingestSampleFiles(SAMPLES_DIR);
    const transform = await app.get(TransformationService).transformAll('test');
    const after = await scrape();

    const delta = (name: string, labels: Labels) =>
      valueOf(after, name, labels) - valueOf(before, name, labels);
    const sync = { source: 'odoo', mode: 'full', status: 'succeeded' };
    expect(odoo.counts.inserted).toBeGreaterThan(0);
    expect(delta('revops_sync_runs_total', sync)).toBe(1);
    expect(delta('revops_sync_run_duration_seconds_count', sync)).toBe(1);
    expect(delta('revops_sync_rows_total', { source: 'odoo', outcome: 'read' })).toBe(
      odoo.counts.read,
    );
    expect(delta('revops_sync_rows_total', { source: 'odoo', outcome: 'inserted' })).toBe(
      odoo.counts.inserted,
    );
    const job = { job: 'transform:opportunities', status: 'succeeded' };
    expect(delta('revops_job_runs_total', job)).toBe(1);
    expect(delta('revops_job_run_duration_seconds_count', job)).toBe(1);
    expect(transform.odooOpportunities).toBeGreaterThan(0);
    expect(delta('revops_job_rows_total', { job: 'transform:opportunities', count: 'odooOpportunities' })).toBe(transform.odooOpportunities); // prettier-ignore

    // The outbox gauges are the database's state: each finished run announced itself.
    const [outbox] = await db.query(
      'SELECT count(*)::int AS n FROM ops.outbox_events WHERE published_at IS NULL',
    );
    expect(outbox.n).toBeGreaterThan(0);
    expect(valueOf(after, 'revops_outbox_backlog_events')).toBe(outbox.n);
    // Its oldest waiting event, written an hour ago, gives the age.
    await db.query(
      `UPDATE ops.outbox_events SET created_at = now() - interval '1 hour'
        WHERE id = (SELECT id FROM ops.outbox_events WHERE published_at IS NULL ORDER BY created_at, id LIMIT 1)`,
    );
    expect(valueOf(await scrape(), 'revops_outbox_oldest_age_seconds')).toBeGreaterThanOrEqual(
      3600,
    );
  });

  it('reads quarantine and dead letters from the database at scrape time', async () => {
    const [{ id: jobRunId }] = await db.query(
      `INSERT INTO ops.job_runs (job_name, status, triggered_by) VALUES ('embed:opportunities', 'succeeded', 'test') RETURNING id`, // prettier-ignore
    );
    await app.get(QuarantineRepository).setAside('embedding', jobRunId, [
      {
        source: 'odoo',
        table: 'search.test_a',
        key: 'a',
        inputHash: 'h',
        reason: 'r',
        payload: {},
      },
      {
        source: 'odoo',
        table: 'search.test_a',
        key: 'b',
        inputHash: 'h',
        reason: 'r',
        payload: {},
      },
    ]);
    await db.query(
      `INSERT INTO ops.dead_letter_events
              (consumer_group, event_id, topic, payload_version, payload, attempts, last_error, dead_lettered_at)
       VALUES ('revops-test', gen_random_uuid(), 'revops.test', 1, '{}', 5, 'boom', now())`,
    );
    const samples = await scrape();
    expect(valueOf(samples, 'revops_quarantine_rows', { stage: 'embedding', table: 'search.test_a' })).toBe(2); // prettier-ignore
    expect(valueOf(samples, 'revops_dead_letter_events', { consumer_group: 'revops-test' })).toBe(
      1,
    );

    await app.get(QuarantineRepository).resolve('embedding', 'search.test_a', ['a', 'b']);
    const resolved = await scrape();
    expect(resolved.some((s) => s.labels.table === 'search.test_a')).toBe(false);
  });

  it('labels requests by route pattern and status, never by the raw path', async () => {
    const before = await scrape();
    await request(app.getHttpServer())
      .get('/api/v1/ingestion/runs/987654')
      .set('Authorization', `Bearer ${key}`)
      .expect(404);
    await request(app.getHttpServer()).get('/api/v1/no-such-route/42').expect(404);
    const response = await request(app.getHttpServer()).get('/metrics').expect(200);
    const after = parseMetrics(response.text);
    const delta = (name: string, labels: Labels) =>
      valueOf(after, name, labels) - valueOf(before, name, labels);
    const run = { method: 'GET', route: '/api/v1/ingestion/runs/:id', status: '404' };
    expect(delta('revops_http_requests_total', run)).toBe(1);
    expect(delta('revops_http_request_duration_seconds_count', run)).toBe(1);
    expect(delta('revops_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBe(1); // prettier-ignore
    expect(response.text).not.toContain('987654');
    expect(response.text).not.toContain('no-such-route');
  });

  it('writes one access-log line per request: method, route, status, duration, key id, correlation id', async () => {
    await request(app.getHttpServer())
      .get('/api/v1/ingestion/runs/123')
      .set('Authorization', `Bearer ${key}`)
      .set('X-Correlation-Id', 'access-log-test-1')
      .expect(404);
    await request(app.getHttpServer())
      .get('/health/live')
      .set('X-Correlation-Id', 'access-log-test-2')
      .expect(200);

    const access = logs.lines().filter((line) => line.context === 'HttpAccess');
    const run = access.filter((line) => line.correlationId === 'access-log-test-1');
    expect(run).toEqual([
      expect.objectContaining({
        level: 'info',
        method: 'GET',
        route: '/api/v1/ingestion/runs/:id',
        status: 404,
        durationMs: expect.any(Number),
        keyId,
        correlationId: 'access-log-test-1',
        service: 'test',
      }),
    ]);
    // Probes are logged at debug, so an info-level deployment is not flooded by them.
    const probe = access.filter((line) => line.correlationId === 'access-log-test-2');
    expect(probe).toEqual([expect.objectContaining({ level: 'debug', route: '/health/live' })]);
    expect(JSON.stringify(logs.lines())).not.toContain(key);
  });

  it('answers liveness and readiness, naming each dependency', async () => {
    // The model loads on its first text; readiness then asks it for one more.
    await app.get<Embedder>(EMBEDDER).embed(['warm up']);
    const live = await request(app.getHttpServer()).get('/health/live').expect(200);
    expect(live.body).toMatchObject({ status: 'ok', service: 'test' });
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, embedder: { status: 'up' } },
      error: {},
    });
    expect(ready.body.details).not.toHaveProperty('broker'); // KAFKA_BROKERS is not set
    const health = await request(app.getHttpServer()).get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', database: { status: 'up' } });
  });

  it('runs at most one inference for a flood of readiness probes', async () => {
    const embedder = app.get<Embedder>(EMBEDDER);
    const inference = jest.spyOn(embedder, 'embed');
    try {
      const probes = Array.from({ length: 20 }, () =>
        request(app.getHttpServer()).get('/health/ready'),
      );
      for (const answer of await Promise.all(probes)) {
        expect(answer.status).toBe(200);
        expect(answer.body.details.embedder).toEqual({ status: 'up' });
      }
      // Concurrent probes share the check in flight; one that succeeded stands for 10 s.
      expect(inference.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      inference.mockRestore();
    }
  });

  it("keeps the caller's correlation id on a body refused before routing: header, body and log line", async () => {
    const big = JSON.stringify({ note: 'x'.repeat(110 * 1024) });
    const refused = await request(app.getHttpServer())
      .post('/api/v1/ingestion/odoo/sync')
      .set('Content-Type', 'application/json')
      .set('X-Correlation-Id', 'abc')
      .send(big)
      .expect(413);
    expect(refused.headers['x-correlation-id']).toBe('abc');
    expect(refused.body).toMatchObject({ statusCode: 413, correlationId: 'abc' });

    // Without one offered, the id the answer carries is the one in its body and its log line.
    const anonymous = await request(app.getHttpServer())
      .post('/api/v1/ingestion/odoo/sync')
      .set('Content-Type', 'application/json')
      .send(big)
      .expect(413);
    const made = anonymous.headers['x-correlation-id'];
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(anonymous.body.correlationId).toBe(made);

    const access = logs.lines().filter((line) => line.context === 'HttpAccess');
    for (const id of ['abc', made]) {
      expect(access.filter((line) => line.correlationId === id)).toEqual([
        expect.objectContaining({ method: 'POST', route: 'unmatched', status: 413 }),
      ]);
    }
  });

  it('answers 503 naming a dependency that does not answer within the timeout', async () => {
    const config = app.get(CoreConfig);
    const timeout = config.HEALTH_CHECK_TIMEOUT_MS;
    config.HEALTH_CHECK_TIMEOUT_MS = 200;
    try {
      app.get(ReadinessChecks).register('hanging', () => new Promise(() => undefined));
      const ready = await request(app.getHttpServer()).get('/health/ready').expect(503);
      expect(ready.body).toMatchObject({
        status: 'error',
        error: { hanging: { status: 'down', message: 'no answer within 200 ms' } },
        info: { database: { status: 'up' } },
      });
      // Liveness does not depend on anything: the process still answers.
      await request(app.getHttpServer()).get('/health/live').expect(200);
    } finally {
      config.HEALTH_CHECK_TIMEOUT_MS = timeout;
    }
  });
});
