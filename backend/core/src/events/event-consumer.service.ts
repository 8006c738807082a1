import { Injectable, Logger } from '@nestjs/common';
import { ConsumedEventsRepository } from './consumed-events.repository';
import { EventEnvelope } from './event-envelope';

/**
 * Runs a handler once per event and consumer group. The event is recorded as consumed
 * after the handler's work succeeds: a crash in between means the work runs again on
 * redelivery, so handlers do work that is safe to repeat (every step here is).
 */
@Injectable()
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);

  constructor(private readonly consumed: ConsumedEventsRepository) {}

  async once(
    group: string,
    event: EventEnvelope<object>,
    work: () => Promise<void>,
  ): Promise<'handled' | 'duplicate'> {
    if (await this.consumed.has(group, event.id)) {
      this.logger.log({
        msg: 'Event already handled; skipped',
        group,
        eventId: event.id,
        topic: event.topic,
      });
      return 'duplicate';
    }
    await work();
    await this.consumed.record(group, event.id, event.topic);
    return 'handled';
  }
}
