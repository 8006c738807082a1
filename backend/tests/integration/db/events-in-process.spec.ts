import { INestApplication } from '@nestjs/common';
import { OutboxRepository, TOPICS } from '@revops/core';
import { DataSource } from 'typeorm';
import { eventually } from '../../fixtures/eventually';
import {
  RECORDED_TOPIC,
  recordedRuns,
  RECORDING_GROUP,
  RecordingModule,
} from '../../fixtures/recording-consumer';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

describeWithDatabase('events delivered in-process, without Kafka', () => {
  useTestDatabase();
  let app: INestApplication;
  let db: DataSource;

  beforeAll(async () => {
    Object.assign(process.env, { OUTBOX_RELAY_INTERVAL_MS: '50', EVENT_MAX_ATTEMPTS: '2' });
    app = await createTestApp([RecordingModule], { inProcessEvents: true });
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app?.close();
    delete process.env.OUTBOX_RELAY_INTERVAL_MS;
    delete process.env.EVENT_MAX_ATTEMPTS;
  });

  const announce = (payload: Record<string, unknown>): Promise<string> =>
    db.transaction((manager) =>
      app.get(OutboxRepository).append(manager, { topic: RECORDED_TOPIC, key: 'test', payload }),
    );
  const published = (id: string) => async () => {
    const [row] = await db.query(
      'SELECT published_at IS NOT NULL AS published, attempts FROM ops.outbox_events WHERE id = $1',
      [id],
    );
    return row.published ? row : undefined;
  };
  const runsOf = (id: string) => recordedRuns.filter((run) => run === id).length;

  it('hands an outbox event to a handler of the same app, once, and then marks it published', async () => {
    const id = await announce({ n: 1 });
    await eventually('the event delivered', published(id));
    expect(runsOf(id)).toBe(1);
    const consumed = await db.query(
      'SELECT consumer_group, topic FROM ops.consumed_events WHERE event_id = $1',
      [id],
    );
    expect(consumed).toEqual([{ consumer_group: RECORDING_GROUP, topic: RECORDED_TOPIC }]);

    // Delivered again (at least once): the handler does not run twice.
    await db.query('UPDATE ops.outbox_events SET published_at = NULL WHERE id = $1', [id]);
    await eventually('the event delivered again', published(id));
    expect(runsOf(id)).toBe(1);
  });

  it('redelivers a failing event until EVENT_MAX_ATTEMPTS, dead-letters it, and moves on', async () => {
    const failing = await announce({ fail: true });
    const next = await announce({ n: 2 });
    await eventually('the event after the failing one delivered', published(next));
    expect(runsOf(failing)).toBe(2);
    expect(runsOf(next)).toBe(1);
    const [failure] = await db.query(
      `SELECT attempts, last_error, dead_lettered_at IS NOT NULL AS dead_lettered
         FROM ops.dead_letter_events WHERE consumer_group = $1 AND event_id = $2`,
      [RECORDING_GROUP, failing],
    );
    expect(failure).toEqual({ attempts: 2, last_error: 'failing on purpose', dead_lettered: true });
    // Once failed (outbox attempts count the relay's tries), then delivered and acknowledged.
    expect(await published(failing)()).toEqual({ published: true, attempts: 2 });
    // The announcement on the dead-letter topic is delivered too (no handler here).
    const announcement = await eventually('the dead-letter event published', async () => {
      const [row] = await db.query(
        `SELECT payload, published_at IS NOT NULL AS published FROM ops.outbox_events
          WHERE topic = $1`,
        [TOPICS.deadLetter],
      );
      return row?.published ? row : undefined;
    });
    expect(announcement.payload).toMatchObject({
      consumerGroup: RECORDING_GROUP,
      eventId: failing,
    });
  });
});
