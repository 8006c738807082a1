import { INestApplication } from '@nestjs/common';
import { OutboxRepository } from '@revops/core';
import { DataSource } from 'typeorm';
import { eventually } from '../../fixtures/eventually';
import { MockKafka, startMockKafka } from '../../fixtures/mock-kafka';
import {
  RECORDED_TOPIC,
  recordedRuns,
  RECORDING_GROUP,
  RecordingModule,
} from '../../fixtures/recording-consumer';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

const MAX_ATTEMPTS = 3;

describeWithDatabase(
  'dead letters over a Kafka-protocol broker',
  () => {
    let kafka: MockKafka;
    let app: INestApplication;
    let db: DataSource;
    useTestDatabase('postgres');

    beforeAll(async () => {
      kafka = await startMockKafka();
      Object.assign(process.env, {
        KAFKA_BROKERS: kafka.brokers,
        OUTBOX_RELAY_INTERVAL_MS: '100',
        EVENT_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      });
      app = await createTestApp([RecordingModule], { consumerGroup: RECORDING_GROUP });
      db = app.get(DataSource);
    });
    afterAll(async () => {
      await app?.close();
      await kafka?.stop();
      for (const name of ['KAFKA_BROKERS', 'OUTBOX_RELAY_INTERVAL_MS', 'EVENT_MAX_ATTEMPTS']) {
        delete process.env[name];
      }
    });

    const announce = (payload: Record<string, unknown>): Promise<string> =>
      db.transaction((manager) =>
        app.get(OutboxRepository).append(manager, { topic: RECORDED_TOPIC, key: 'k', payload }),
      );

    it('a failing handler gets the message again from Kafka until it is dead-lettered; then the partition moves on', async () => {
      const failing = await announce({ fail: true });
      const next = await announce({ n: 1 }); // same key, so same partition, behind it
      await eventually('the next event handled', async () => {
        const rows = await db.query('SELECT 1 FROM ops.consumed_events WHERE event_id = $1', [
          next,
        ]);
        return rows.length ? rows : undefined;
      });
      // KafkaJS redelivered the failed message (the offset was not committed) until the
      // attempt that dead-lettered it returned normally; only then came the next one.
      expect(recordedRuns).toEqual([...Array(MAX_ATTEMPTS).fill(failing), next]);
      const [failure] = await db.query(
        `SELECT attempts, dead_lettered_at IS NOT NULL AS dead_lettered
           FROM ops.dead_letter_events WHERE consumer_group = $1 AND event_id = $2`,
        [RECORDING_GROUP, failing],
      );
      expect(failure).toEqual({ attempts: MAX_ATTEMPTS, dead_lettered: true });
    });
  },
  'postgres',
);
