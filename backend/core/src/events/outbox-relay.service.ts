import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { CoreConfig } from '../config/core.config';
import { OutboxEvent, OutboxRepository } from '../ops/outbox.repository';
import { SERVICE_NAME } from '../service-name';
import { EventEnvelope } from './event-envelope';
import { kafkaClientOptions } from './kafka-options';

/** Events sent per transaction; a batch is published in order, then marked published. */
const BATCH = 100;
const MAX_BACKOFF_MS = 30_000;

/**
 * Publishes `ops.outbox_events` to Kafka when KAFKA_BROKERS is set: oldest first, a batch
 * per transaction, marked published only after the broker acknowledged every message. A
 * broker outage delays events and never loses them: the batch stays unpublished, the
 * failure is recorded on the event, and the relay retries with a growing pause. Delivery
 * is at least once; consumers recognise a repeat by the event id.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private client: ClientKafka | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly config: CoreConfig,
    @Inject(SERVICE_NAME) private readonly serviceName: string,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.KAFKA_BROKERS) return;
    this.client = new ClientKafka({
      ...kafkaClientOptions(`${this.serviceName}-relay`, this.config.KAFKA_BROKERS),
      producerOnlyMode: true,
    });
    this.schedule(0);
    this.logger.log({ msg: 'Outbox relay started', brokers: this.config.KAFKA_BROKERS });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.client?.close();
  }

  /** Publishes until no event waits; the number sent. */
  async publishPending(): Promise<number> {
    let sent = 0;
    for (;;) {
      const count = await this.outbox.publishBatch(BATCH, (events) => this.send(events));
      sent += count;
      if (count < BATCH) return sent;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = null));
    }, delayMs);
  }

  private async tick(): Promise<void> {
    try {
      const sent = await this.publishPending();
      if (sent > 0) this.logger.log({ msg: 'Events published', count: sent });
      this.failures = 0;
      this.schedule(this.config.OUTBOX_RELAY_INTERVAL_MS);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.failures++;
      await this.outbox.recordFailure(message).catch(() => undefined); // the database may be the cause
      const delayMs = Math.min(
        MAX_BACKOFF_MS,
        this.config.OUTBOX_RELAY_INTERVAL_MS * 2 ** this.failures,
      );
      this.logger.warn({ msg: 'Publishing events failed; retrying', error: message, delayMs });
      this.schedule(delayMs);
    }
  }

  private async send(events: OutboxEvent[]): Promise<void> {
    const client = this.client;
    if (!client) throw new Error('The outbox relay has no Kafka client (KAFKA_BROKERS is unset)');
    for (const event of events) {
      const envelope: EventEnvelope = {
        id: event.id,
        topic: event.topic,
        version: event.version,
        occurredAt: event.createdAt,
        payload: event.payload,
      };
      await lastValueFrom(
        client.emit(event.topic, { key: event.key, value: JSON.stringify(envelope) }),
      );
    }
  }
}
