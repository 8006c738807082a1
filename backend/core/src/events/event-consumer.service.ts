import { Injectable, Logger } from '@nestjs/common';
import { CoreConfig } from '../config/core.config';
import { ConsumedEventsRepository } from './consumed-events.repository';
import { DeadLettersRepository } from './dead-letters.repository';
import { EventEnvelope } from './event-envelope';

export type ConsumeOutcome = 'handled' | 'duplicate' | 'dead-lettered';

/**
 * Runs a handler once per event and consumer group. The event is recorded as consumed
 * after the handler's work succeeds: a crash in between means the work runs again on
 * redelivery, so handlers do work that is safe to repeat (every step here is).
 *
 * A failure is counted and rethrown, so the transport delivers the event again; the
 * failure that reaches EVENT_MAX_ATTEMPTS dead-letters the event instead and returns, so
 * the message is acknowledged. Deliveries of a dead-lettered event skip the handler.
 */
@Injectable()
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);

  constructor(
    private readonly consumed: ConsumedEventsRepository,
    private readonly deadLetters: DeadLettersRepository,
    private readonly config: CoreConfig,
  ) {}

  async once(
    group: string,
    event: EventEnvelope<object>,
    work: () => Promise<void>,
  ): Promise<ConsumeOutcome> {
    const about = { group, eventId: event.id, topic: event.topic };
    if (await this.consumed.has(group, event.id)) {
      this.logger.log({ msg: 'Event already handled; skipped', ...about });
      return 'duplicate';
    }
    if (await this.deadLetters.isDeadLettered(group, event.id)) {
      this.logger.warn({ msg: 'Event dead-lettered earlier; skipped', ...about });
      return 'dead-lettered';
    }
    try {
      await work();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const maxAttempts = this.config.EVENT_MAX_ATTEMPTS;
      const failed = await this.deadLetters.recordFailure(group, event, message, maxAttempts);
      if (!failed.deadLettered) {
        this.logger.warn({ msg: 'Event handler failed; redelivery expected', ...about, ...failed });
        throw error;
      }
      this.logger.error({ msg: 'Event dead-lettered', ...about, ...failed, error: message });
      return 'dead-lettered';
    }
    await this.consumed.record(group, event.id, event.topic);
    return 'handled';
  }
}
