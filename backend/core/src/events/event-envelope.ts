import { IsInt, IsISO8601, IsObject, IsString, IsUUID, Min } from 'class-validator';
import type { OutboxEvent } from '../ops/outbox.repository';

/**
 * What travels on a topic: the outbox row's id (consumers use it to recognise a
 * redelivery), the payload's version and the payload itself. The Kafka message key is
 * the outbox row's `message_key`.
 */
export class EventEnvelope<T extends object = Record<string, unknown>> {
  @IsUUID()
  id: string;

  @IsString()
  topic: string;

  @IsInt()
  @Min(1)
  version: number;

  @IsISO8601()
  occurredAt: string;

  @IsObject()
  payload: T;
}

/** The envelope of an outbox row: what the relay sends, to Kafka or in-process alike. */
export function toEnvelope(event: OutboxEvent): EventEnvelope {
  return {
    id: event.id,
    topic: event.topic,
    version: event.version,
    occurredAt: event.createdAt,
    payload: event.payload,
  };
}
