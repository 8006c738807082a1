import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { toDecimal } from '@revops/core';

/** GET /api/v1/events */
export class EventsQuery {
  /** How many of the newest open dead letters to list. */
  @IsOptional()
  @Transform(toDecimal)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be between 1 and 500' })
  @Max(500, { message: 'limit must be between 1 and 500' })
  limit: number = 50;
}

/** The transactional outbox (ops.outbox_events): events written, waiting for the relay. */
export class OutboxStateDto {
  /** Events not yet published. */
  unpublished: number;
  /** ISO 8601 timestamp of the oldest unpublished event's creation; null when none waits. */
  oldestUnpublishedAt: string | null;
  /** Unpublished events whose publishing failed at least once. */
  failing: number;
  /** The error of the oldest unpublished event that failed (the relay retries the oldest first); null when none did. */
  lastError: string | null;
}

/** Open dead letters of one consumer group on one topic. */
export class DeadLetterCountDto {
  consumerGroup: string;
  topic: string;
  open: number;
}

/** An event a consumer group gave up on after its attempts, not yet resolved by an operator. */
export class DeadLetterDto {
  consumerGroup: string;
  /** The event's id (a UUID). */
  eventId: string;
  topic: string;
  /** Failed attempts of this group on the event. */
  attempts: number;
  /** The last attempt's error. */
  lastError: string;
  /** ISO 8601 timestamp. */
  deadLetteredAt: string;
}

/** Dead letters (ops.dead_letter_events) no operator has resolved. */
export class DeadLettersStateDto {
  /** Every open dead letter. */
  open: number;
  /** Per consumer group and topic, in that order. */
  byGroup: DeadLetterCountDto[];
  /** The newest (`limit`), most recently dead-lettered first. */
  newest: DeadLetterDto[];
}

/** The event pipeline: what waits to be published, and what consumers gave up on. */
export class EventPipelineDto {
  outbox: OutboxStateDto;
  deadLetters: DeadLettersStateDto;
}
