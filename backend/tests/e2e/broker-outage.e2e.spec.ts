import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { ApiKeyService, ignoreProgress, TOPICS } from '@revops/core';
import { EmbeddingModule, EmbeddingService } from '@revops/embedding';
import { IngestionModule, IngestionService } from '@revops/ingestion';
import { TransformationModule, TransformationService } from '@revops/transformation';
import { ValidationModule, ValidationService } from '@revops/validation';
import { useGeneratedSourcesApp } from '../fixtures/generated-sources-app';
import { MockKafka, startMockKafka } from '../fixtures/mock-kafka';
import { freePort, getJson, Running, stop, waitFor } from '../fixtures/processes';
import {
  pipelineOpenWork,
  postJson,
  serviceEnv,
  startService,
} from '../fixtures/service-processes';
import { describeWithDatabase } from '../fixtures/test-database';

interface JobRun {
  status: string;
  details: { created?: number; autoLinked?: number; proposed?: number };
}

/**
 * Reads `topic` from its beginning, in a consumer group of its own, until every envelope id
 * in `expected` has arrived; how often each id arrived (delivery is at least once).
 */
async function readTopicUntil(
  brokers: string,
  topic: string,
  expected: string[],
  running: Running,
): Promise<Map<string, number>> {
  const kafka = new Kafka({
    clientId: 'outage-test-reader',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `outage-test-${randomUUID()}` });
  const seen = new Map<string, number>(); // id → deliveries
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const { id } = JSON.parse(message.value!.toString()) as { id: string };
        seen.set(id, (seen.get(id) ?? 0) + 1);
      },
    });
    await waitFor(`every outbox event id on ${topic}`, running, () =>
      expected.every((id) => seen.has(id)) ? true : undefined,
    );
    return seen;
  } finally {
    await consumer.disconnect();
  }
}

describeWithDatabase(
  'a broker outage while 05-matching produces matches',
  () => {
    let kafka: MockKafka;
    let matching: Running | undefined;
    // Before the database is dropped (useGeneratedSourcesApp registers that afterAll next).
    afterAll(async () => {
      kafka?.resume();
      if (matching) await stop(matching, 'SIGTERM');
      await kafka?.stop();
    });
    // The steps before matching run here, in-test; 05-matching runs as its own process.
    const context = useGeneratedSourcesApp([
      IngestionModule,
      TransformationModule,
      ValidationModule,
      EmbeddingModule,
    ]);

    beforeAll(async () => {
      kafka = await startMockKafka();
    });

    it('after the broker returns, every outbox event is delivered and every match exists exactly once', async () => {
      const { app, client } = context;
      const key = (await app.get(ApiKeyService).create('outage', 'engineer', 'test')).key;
      const ingestion = app.get(IngestionService);
      for (const source of ['odoo', 'apn'] as const) {
        await ingestion.syncSource(source, 'full', { triggeredBy: 'test' });
      }
      await app.get(TransformationService).transformAll('test');
      await app.get(ValidationService).run('test');

      const port = await freePort();
      const service = startService('05-matching', {
        ...serviceEnv(context.url, kafka.brokers),
        OUTBOX_RELAY_INTERVAL_MS: '100',
        PORT: String(port),
      });
      matching = service;
      const api = (path: string) => `http://127.0.0.1:${port}/api/v1${path}`;
      const finishedRun = (id: string, when: string) =>
        waitFor(`matching run ${id} ${when} to finish`, service, async () => {
          const reply = await getJson<JobRun>(api(`/matching/runs/${id}`), key);
          return reply.body.status === 'running' ? undefined : reply.body;
        });
      await waitFor('05-matching to join revops-matching and listen', service, () =>
        service.output().includes('consuming events as revops-matching') &&
        service.output().includes('listening on')
          ? true
          : undefined,
      );
      // Its relay is connected and working: the pipeline's events so far are out.
      await waitFor("05-matching's relay to publish the pipeline's events", service, async () =>
        (await pipelineOpenWork(client, {})).unpublished === 0 ? true : undefined,
      );

      kafka.pause();
      await app.get(EmbeddingService).embedChanged('test', ignoreProgress);
      const requested = await postJson<{ id: string }>(api('/matching/run'), key);
      expect(requested.status).toBe(202);
      const run = await finishedRun(requested.body.id, 'during the outage');
      expect(run.status).toBe('succeeded');
      expect(run.details.created).toBeGreaterThan(0);
      const { rows: live } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM matching.opportunity_matches
          WHERE status IN ('auto_linked', 'proposed')`,
      );
      expect(live[0].n).toBe(run.details.created);
      // Nothing reached the broker, and the relay says why on the oldest waiting event. A
      // frozen broker answers nothing: KafkaJS gives up after 9 requests of 30 s (kafka-options.ts).
      const failure = await waitFor(
        'the relay to record a failed publish (attempts, last_error)',
        service,
        async () => {
          const { rows } = await client.query<{ attempts: number; last_error: string }>(
            `SELECT attempts, last_error FROM ops.outbox_events
              WHERE published_at IS NULL AND last_error IS NOT NULL`,
          );
          return rows[0];
        },
        480_000,
      );
      expect(failure.attempts).toBeGreaterThan(0);
      const { rows: waiting } = await client.query<{ topic: string; published: boolean }>(
        `SELECT DISTINCT topic, published_at IS NOT NULL AS published FROM ops.outbox_events
          WHERE topic IN ($1, $2)`,
        [TOPICS.matchesChanged, TOPICS.embeddingUpdated],
      );
      expect(waiting).toEqual(
        expect.arrayContaining([
          { topic: TOPICS.matchesChanged, published: false },
          { topic: TOPICS.embeddingUpdated, published: false },
        ]),
      );
      expect(waiting).toHaveLength(2);

      kafka.resume();
      await waitFor(
        'every outbox event published after the broker returned',
        service,
        async () => ((await pipelineOpenWork(client, {})).unpublished === 0 ? true : undefined),
        300_000,
      );
      const { rows: announced } = await client.query<{ id: string }>(
        'SELECT id FROM ops.outbox_events WHERE topic = $1 ORDER BY created_at',
        [TOPICS.matchesChanged],
      );
      const delivered = await readTopicUntil(
        kafka.brokers,
        TOPICS.matchesChanged,
        announced.map((e) => e.id),
        service,
      );
      expect(announced.filter((e) => !delivered.has(e.id))).toEqual([]);

      // The embedding events, delivered late, re-match what they name: let that finish.
      await waitFor(
        'revops-matching to handle the embedding events, and no matching run going',
        service,
        async () => {
          const open = await pipelineOpenWork(client, {
            [TOPICS.embeddingUpdated]: 'revops-matching',
          });
          return open.unconsumed + open.running === 0 ? true : undefined;
        },
        300_000,
      );
      const again = await postJson<{ id: string }>(api('/matching/run'), key);
      expect(again.status).toBe(202);
      const second = await finishedRun(again.body.id, 'after the outage');
      expect(second).toMatchObject({ status: 'succeeded', details: { created: 0 } });

      const { rows: repeated } = await client.query<{ side: string; id: string; n: number }>(
        `WITH live AS (SELECT * FROM matching.opportunity_matches
                        WHERE status IN ('proposed', 'auto_linked', 'approved'))
         SELECT 'pair' AS side, ace_id || ':' || odoo_id AS id, count(*)::int AS n
           FROM live GROUP BY ace_id, odoo_id HAVING count(*) > 1
         UNION ALL
         SELECT 'ace', ace_id, count(*)::int FROM live GROUP BY ace_id HAVING count(*) > 1
         UNION ALL
         SELECT 'odoo', odoo_id, count(*)::int FROM live GROUP BY odoo_id HAVING count(*) > 1`,
      );
      expect(repeated).toEqual([]);
      const { rows: after } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM matching.opportunity_matches
          WHERE status IN ('auto_linked', 'proposed', 'approved')`,
      );
      expect(after[0].n).toBe(run.details.created);
    }, 1_200_000);
  },
  'postgres',
);
