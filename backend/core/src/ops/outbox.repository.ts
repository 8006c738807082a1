import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

export interface OutboxEvent {
  id: string;
  topic: string;
  key: string;
  version: number;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** A timestamptz column as ISO 8601 in UTC with microseconds, as events carry it. */
export const isoTimestamp = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const OLDEST_UNPUBLISHED = `
  SELECT id, topic, message_key AS key, payload_version AS version, payload,
         ${isoTimestamp('created_at')} AS "createdAt"
    FROM ops.outbox_events
   WHERE published_at IS NULL
   ORDER BY created_at, id
   LIMIT $1`;

/** What waits in the outbox. */
export interface OutboxBacklog {
  unpublished: number;
  /** The oldest unpublished event's creation; null when none waits. */
  oldestCreatedAt: Date | null;
  /** Unpublished events whose publishing failed at least once. */
  failing: number;
  /**
   * The error of the oldest unpublished event that has one: the relay retries the oldest
   * first, so it is the error it keeps meeting. Null when none failed.
   */
  lastError: string | null;
}

/**
 * The transactional outbox: an event is written in the same transaction as the change it
 * announces, so it exists exactly when the change does. The relay publishes it later.
 */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(
    manager: EntityManager,
    event: { topic: string; key: string; payload: Record<string, unknown>; version?: number },
  ): Promise<string> {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO ops.outbox_events (id, topic, message_key, payload_version, payload)
       VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [id, event.topic, event.key, event.version ?? 1, JSON.stringify(event.payload)],
    );
    return id;
  }

  /**
   * Up to `limit` unpublished events, oldest first, locked for this transaction: `work`
   * publishes them and they are marked published when it returns. Another relay skips
   * the locked rows, so two relays never send the same batch at once.
   */
  async publishBatch(
    limit: number,
    work: (events: OutboxEvent[]) => Promise<void>,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const events: OutboxEvent[] = await manager.query(
        `${OLDEST_UNPUBLISHED} FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (events.length === 0) return 0;
      await work(events);
      await this.markPublished(
        events.map((e) => e.id),
        manager,
      );
      return events.length;
    });
  }

  /**
   * Up to `limit` unpublished events, oldest first, without a lock: for the in-process
   * relay, whose handlers use the database while they run (PGlite has one connection).
   */
  async oldestUnpublished(limit: number): Promise<OutboxEvent[]> {
    return this.dataSource.query(OLDEST_UNPUBLISHED, [limit]);
  }

  async markPublished(ids: string[], manager = this.dataSource.manager): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE ops.outbox_events SET published_at = now(), attempts = attempts + 1, last_error = NULL
        WHERE id = ANY ($1::uuid[]) AND published_at IS NULL`,
      [ids],
    );
  }

  /** The unpublished events at a glance (on the partial index of unpublished events). */
  async backlog(): Promise<OutboxBacklog> {
    const [row]: OutboxBacklog[] = await this.dataSource.query(
      `SELECT count(*)::int AS unpublished, min(created_at) AS "oldestCreatedAt",
              count(*) FILTER (WHERE attempts > 0)::int AS failing,
              (SELECT last_error FROM ops.outbox_events
                WHERE published_at IS NULL AND last_error IS NOT NULL
                ORDER BY created_at, id LIMIT 1) AS "lastError"
         FROM ops.outbox_events WHERE published_at IS NULL`,
    );
    return row;
  }

  /** A failed publish, on the oldest waiting event: kept for the next attempt, with why. */
  async recordFailure(error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ops.outbox_events SET attempts = attempts + 1, last_error = $1
        WHERE id = (SELECT id FROM ops.outbox_events WHERE published_at IS NULL
                     ORDER BY created_at, id LIMIT 1)`,
      [error.slice(0, 2000)],
    );
  }
}
