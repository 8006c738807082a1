import { Global, Module } from '@nestjs/common';
import { ConsumedEventsRepository } from './consumed-events.repository';
import { DeadLettersRepository } from './dead-letters.repository';
import { EventConsumer } from './event-consumer.service';
import { InProcessTransport } from './in-process.transport';
import { OutboxRelay } from './outbox-relay.service';

/** The outbox relay (Kafka or in-process), idempotent consumption and dead letters. */
@Global()
@Module({
  providers: [
    ConsumedEventsRepository,
    DeadLettersRepository,
    EventConsumer,
    InProcessTransport,
    OutboxRelay,
  ],
  exports: [DeadLettersRepository, EventConsumer, InProcessTransport, OutboxRelay],
})
export class EventsModule {}
