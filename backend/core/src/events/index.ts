export * from './event-consumer.service';
export * from './event-envelope';
export * from './events.module';
export * from './in-process.transport';
export * from './kafka-options';
export * from './outbox-relay.service';
export * from './topics';
export * from './coalesced-runs';
