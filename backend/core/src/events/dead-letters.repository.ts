import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isoTimestamp, OutboxRepository } from '../ops/outbox.repository';
import { EventEnvelope } from './event-envelope';
import { TOPICS } from './topics';

const MAX_ERROR_CHARS = 2000;

export interface FailedAttempt {
  /** Failed attempts of this group on this event so far, on every replica. */
  attempts: number;
  /** The event is dead-lettered (now, or by an earlier attempt). */
  deadLettered: boolean;
}

/** A dead-lettered event no operator has resolved yet. */
export interface OpenDeadLetter {
  consumerGroup: string;
  eventId: string;
  topic: string;
  attempts: number;
  lastError: string;
  deadLetteredAt: Date;
}

/** Open dead letters: dead-lettered and not resolved (the partial index's rows). */
const OPEN = 'dead_lettered_at IS NOT NULL AND resolved_at IS NULL';

/**
 * Failed handling of events per consumer group (ops.dead_letter_events). Attempts are
 * counted in the database, not in memory: a redelivery may land on another replica.
 */
@Injectable()
export class DeadLettersRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
  ) {}

  async isDeadLettered(group: string, eventId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM ops.dead_letter_events
        WHERE consumer_group = $1 AND event_id = $2 AND dead_lettered_at IS NOT NULL`,
      [group, eventId],
    );
    return rows.length > 0;
  }

  /** Open dead letters per consumer group and topic. */
  openCounts(): Promise<{ consumerGroup: string; topic: string; open: number }[]> {
    return this.dataSource.query(
      `SELECT consumer_group AS "consumerGroup", topic, count(*)::int AS open
         FROM ops.dead_letter_events WHERE ${OPEN}
        GROUP BY consumer_group, topic ORDER BY consumer_group, topic`,
    );
  }

  /** The `limit` most recently dead-lettered open events, newest first. */
  newestOpen(limit: number): Promise<OpenDeadLetter[]> {
    return this.dataSource.query(
      `SELECT consumer_group AS "consumerGroup", event_id::text AS "eventId", topic, attempts,
              last_error AS "lastError", dead_lettered_at AS "deadLetteredAt"
         FROM ops.dead_letter_events WHERE ${OPEN}
        ORDER BY dead_lettered_at DESC, consumer_group, event_id LIMIT $1`,
      [limit],
    );
  }

  /**
   * One more failed attempt. The attempt that reaches `maxAttempts` dead-letters the event
   * and announces it on the dead-letter topic, in one transaction. The count's upsert
   * locks the row until commit, so failures on two replicas at once announce it once.
   */
  async recordFailure(
    group: string,
    event: EventEnvelope<object>,
    error: string,
    maxAttempts: number,
  ): Promise<FailedAttempt> {
    return this.dataSource.transaction(async (manager) => {
      const [failure]: { attempts: number; deadLettered: boolean; firstFailedAt: string }[] =
        await manager.query(
          `INSERT INTO ops.dead_letter_events AS d
             (consumer_group, event_id, topic, payload_version, payload, attempts, last_error)
           VALUES ($1, $2, $3, $4, $5::jsonb, 1, $6)
           ON CONFLICT (consumer_group, event_id) DO UPDATE
              SET attempts = d.attempts + 1, last_error = EXCLUDED.last_error, last_failed_at = now()
           RETURNING attempts, dead_lettered_at IS NOT NULL AS "deadLettered",
                     ${isoTimestamp('first_failed_at')} AS "firstFailedAt"`,
          [
            group,
            event.id,
            event.topic,
            event.version,
            JSON.stringify(event.payload),
            error.slice(0, MAX_ERROR_CHARS),
          ],
        );
      if (failure.deadLettered || failure.attempts < maxAttempts) {
        return { attempts: failure.attempts, deadLettered: failure.deadLettered };
      }
      // A SELECT around the UPDATE: TypeORM answers an UPDATE with [rows, count].
      const [{ deadLetteredAt }]: { deadLetteredAt: string }[] = await manager.query(
        `WITH marked AS (
           UPDATE ops.dead_letter_events SET dead_lettered_at = now()
            WHERE consumer_group = $1 AND event_id = $2
            RETURNING dead_lettered_at)
         SELECT ${isoTimestamp('dead_lettered_at')} AS "deadLetteredAt" FROM marked`,
        [group, event.id],
      );
      await this.outbox.append(manager, {
        topic: TOPICS.deadLetter,
        key: group,
        payload: {
          consumerGroup: group,
          eventId: event.id,
          topic: event.topic,
          version: event.version,
          payload: event.payload,
          attempts: failure.attempts,
          lastError: error.slice(0, MAX_ERROR_CHARS),
          firstFailedAt: failure.firstFailedAt,
          deadLetteredAt,
        },
      });
      return { attempts: failure.attempts, deadLettered: true };
    });
  }
}
