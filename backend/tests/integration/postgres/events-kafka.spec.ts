import { INestApplication } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { kafkaClientOptions, OutboxRepository, TOPICS } from '@revops/core';
import { ValidationModule } from '@revops/validation';
import { VALIDATION_CONSUMER_GROUP } from '@revops/validation/events/validation.consumer';
import { lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { eventually } from '../../fixtures/eventually';
import { MockKafka, startMockKafka } from '../../fixtures/mock-kafka';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

describeWithDatabase(
  'events over a Kafka-protocol broker',
  () => {
    let kafka: MockKafka;
    let app: INestApplication;
    let producer: ClientKafka;
    afterAll(async () => {
      await producer?.close();
      await app?.close();
      await kafka?.stop();
      delete process.env.KAFKA_BROKERS;
      delete process.env.OUTBOX_RELAY_INTERVAL_MS;
    });
    useTestDatabase('postgres');
    let db: DataSource;

    const validationRuns = async (): Promise<{ status: string; triggered_by: string }[]> =>
      db.query(
        `SELECT status, triggered_by FROM ops.job_runs WHERE job_name = 'validate' ORDER BY id`,
      );
    const announce = (changed: number[]): Promise<string> =>
      db.transaction((manager) =>
        app.get(OutboxRepository).append(manager, {
          topic: TOPICS.opportunitiesChanged,
          key: 'odoo',
          payload: { source: 'odoo', jobRunId: '1', changed, deleted: [] },
        }),
      );

    beforeAll(async () => {
      kafka = await startMockKafka();
      Object.assign(process.env, { KAFKA_BROKERS: kafka.brokers, OUTBOX_RELAY_INTERVAL_MS: '100' });
      app = await createTestApp([ValidationModule], { consumerGroup: VALIDATION_CONSUMER_GROUP });
      db = app.get(DataSource);
      producer = new ClientKafka({
        ...kafkaClientOptions('test-producer', kafka.brokers),
        producerOnlyMode: true,
      });
      await producer.connect();
    });

    it('relays an outbox event to Kafka, and validation reacts to it in its consumer group', async () => {
      const eventId = await announce([1, 2]);
      const runs = await eventually('a validation run', async () => {
        const rows = await validationRuns();
        return rows.some((r) => r.status === 'succeeded') ? rows : undefined;
      });
      expect(runs).toEqual([
        { status: 'succeeded', triggered_by: `event:${TOPICS.opportunitiesChanged}` },
      ]);
      const [outbox] = await db.query(
        'SELECT published_at IS NOT NULL AS published FROM ops.outbox_events WHERE id = $1',
        [eventId],
      );
      expect(outbox.published).toBe(true);
      const consumed = await db.query(
        'SELECT consumer_group, topic FROM ops.consumed_events WHERE event_id = $1',
        [eventId],
      );
      expect(consumed).toEqual([
        { consumer_group: VALIDATION_CONSUMER_GROUP, topic: TOPICS.opportunitiesChanged },
      ]);
    });

    it('handles an event delivered twice once', async () => {
      const [first] = await db.query(
        `SELECT id, topic, payload_version AS version, payload,
                to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "occurredAt"
           FROM ops.outbox_events ORDER BY created_at LIMIT 1`,
      );
      // The same message again (a redelivery), then a new event on the same key (partition).
      await lastValueFrom(
        producer.emit(first.topic, { key: 'odoo', value: JSON.stringify(first) }),
      );
      const next = await announce([3]);
      await eventually('the next event handled', async () => {
        const rows = await db.query('SELECT 1 FROM ops.consumed_events WHERE event_id = $1', [
          next,
        ]);
        return rows.length ? rows : undefined;
      });
      expect(await validationRuns()).toHaveLength(2);
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM ops.consumed_events');
      expect(n).toBe(2);
    });
  },
  'postgres',
);
