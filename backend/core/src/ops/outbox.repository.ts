import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

/**
 * The transactional outbox: an event is written in the same transaction as the change it
 * announces, so it exists exactly when the change does. A relay publishes it later
 * (Kafka or in-process; matching issue).
 */
@Injectable()
export class OutboxRepository {
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
}
