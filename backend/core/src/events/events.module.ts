import { Global, Module } from '@nestjs/common';
import { ConsumedEventsRepository } from './consumed-events.repository';
import { EventConsumer } from './event-consumer.service';
import { OutboxRelay } from './outbox-relay.service';

/** The outbox relay (active with KAFKA_BROKERS) and idempotent consumption. */
@Global()
@Module({
  providers: [ConsumedEventsRepository, EventConsumer, OutboxRelay],
  exports: [EventConsumer, OutboxRelay],
})
export class EventsModule {}
