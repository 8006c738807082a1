import { INestApplication } from '@nestjs/common';
import { EventConsumer, EventEnvelope, TOPICS } from '@revops/core';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

const MAX_ATTEMPTS = 3;

/** An event as a transport delivers it; a new id each time. */
const anEvent = (): EventEnvelope => ({
  id: randomUUID(),
  topic: TOPICS.opportunitiesChanged,
  version: 1,
  occurredAt: '2026-11-22T09:30:00.000000Z',
  payload: { source: 'odoo', jobRunId: '1', changed: [1, 2], deleted: [] },
});

describeWithDatabase('idempotent consumers and dead letters (EventConsumer.once)', () => {
  useTestDatabase();
  let app: INestApplication;
  let db: DataSource;
  let consumer: EventConsumer;

  beforeAll(async () => {
    process.env.EVENT_MAX_ATTEMPTS = String(MAX_ATTEMPTS);
    app = await createTestApp([]);
    db = app.get(DataSource);
    consumer = app.get(EventConsumer);
  });
  afterAll(async () => {
    delete process.env.EVENT_MAX_ATTEMPTS;
    await app?.close();
  });

  const failures = (eventId: string) =>
    db.query(
      `SELECT consumer_group, topic, payload_version, payload, attempts, last_error,
              dead_lettered_at IS NOT NULL AS dead_lettered, resolved_at
         FROM ops.dead_letter_events WHERE event_id = $1 ORDER BY consumer_group`,
      [eventId],
    );
  const deadLetterAnnouncements = () =>
    db.query(
      `SELECT message_key, payload_version, payload FROM ops.outbox_events
        WHERE topic = $1 ORDER BY created_at`,
      [TOPICS.deadLetter],
    );

  it('runs the handler once for an event delivered twice', async () => {
    const event = anEvent();
    let runs = 0;
    const work = async () => void runs++;
    expect(await consumer.once('group-a', event, work)).toBe('handled');
    expect(await consumer.once('group-a', { ...event }, work)).toBe('duplicate');
    expect(runs).toBe(1);
    // Another consumer group handles the same event on its own.
    expect(await consumer.once('group-b', event, work)).toBe('handled');
    expect(runs).toBe(2);
    const consumed = await db.query(
      'SELECT consumer_group FROM ops.consumed_events WHERE event_id = $1 ORDER BY 1',
      [event.id],
    );
    expect(consumed).toEqual([{ consumer_group: 'group-a' }, { consumer_group: 'group-b' }]);
  });

  it('rethrows a failure until EVENT_MAX_ATTEMPTS, then dead-letters the event and announces it', async () => {
    const event = anEvent();
    let runs = 0;
    const failing = async () => {
      runs++;
      throw new Error(`handler failed (run ${runs})`);
    };
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      await expect(consumer.once('group-a', event, failing)).rejects.toThrow(
        `handler failed (run ${attempt})`,
      );
      expect(await failures(event.id)).toEqual([
        expect.objectContaining({ attempts: attempt, dead_lettered: false }),
      ]);
    }
    expect(await deadLetterAnnouncements()).toEqual([]);

    expect(await consumer.once('group-a', event, failing)).toBe('dead-lettered');
    expect(await failures(event.id)).toEqual([
      {
        consumer_group: 'group-a',
        topic: event.topic,
        payload_version: 1,
        payload: event.payload,
        attempts: MAX_ATTEMPTS,
        last_error: `handler failed (run ${MAX_ATTEMPTS})`,
        dead_lettered: true,
        resolved_at: null,
      },
    ]);
    const [announcement] = await deadLetterAnnouncements();
    expect(announcement).toEqual({
      message_key: 'group-a',
      payload_version: 1,
      payload: {
        consumerGroup: 'group-a',
        eventId: event.id,
        topic: event.topic,
        version: 1,
        payload: event.payload,
        attempts: MAX_ATTEMPTS,
        lastError: `handler failed (run ${MAX_ATTEMPTS})`,
        firstFailedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
        deadLetteredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
      },
    });

    // Later deliveries are acknowledged without running the handler, and announced once.
    expect(await consumer.once('group-a', event, failing)).toBe('dead-lettered');
    expect(runs).toBe(MAX_ATTEMPTS);
    expect(await deadLetterAnnouncements()).toHaveLength(1);
    const consumed = await db.query('SELECT 1 FROM ops.consumed_events WHERE event_id = $1', [
      event.id,
    ]);
    expect(consumed).toEqual([]);
    // The count is per group: another group still runs its handler.
    let otherRuns = 0;
    expect(await consumer.once('group-b', event, async () => void otherRuns++)).toBe('handled');
    expect(otherRuns).toBe(1);
  });

  it('handles an event whose handler failed once and then succeeded, keeping the failure', async () => {
    const event = anEvent();
    let runs = 0;
    const flaky = async () => {
      if (++runs === 1) throw new Error('transient');
    };
    await expect(consumer.once('group-a', event, flaky)).rejects.toThrow('transient');
    expect(await consumer.once('group-a', event, flaky)).toBe('handled');
    expect(await consumer.once('group-a', event, flaky)).toBe('duplicate');
    expect(runs).toBe(2);
    expect(await failures(event.id)).toEqual([
      expect.objectContaining({ attempts: 1, last_error: 'transient', dead_lettered: false }),
    ]);
  });
});
