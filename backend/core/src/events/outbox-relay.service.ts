import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { CoreConfig } from '../config/core.config';
import { AdvisoryLockService } from '../ops/advisory-lock.service';
import { OutboxEvent, OutboxRepository } from '../ops/outbox.repository';
import { SERVICE_NAME } from '../service-name';
import { toEnvelope } from './event-envelope';
import { InProcessTransport } from './in-process.transport';
import { kafkaClientOptions } from './kafka-options';

/** Events sent per transaction; a batch is published in order, then marked published. */
const BATCH = 100;
const MAX_BACKOFF_MS = 30_000;
/** One in-process relay per database at a time (two all-in-one replicas on one database). */
const IN_PROCESS_LOCK = 'outbox-relay:in-process';

/**
 * Publishes `ops.outbox_events` (OUTBOX_RELAY_ENABLED), oldest first, and marks each event
 * published only once it has been delivered. With KAFKA_BROKERS: to Kafka, a batch per
 * transaction, acknowledged by the broker. Without, in a process whose in-process
 * transport is listening: to this process's own `@EventPattern` handlers, one event at a
 * time, as a Kafka consumer takes them. A failure delays events and never loses them: it
 * is recorded on the oldest waiting event and the relay retries with a growing pause.
 * Delivery is at least once; consumers recognise a repeat by the event id.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private client: ClientKafka | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly config: CoreConfig,
    private readonly inProcess: InProcessTransport,
    private readonly locks: AdvisoryLockService,
    @Inject(SERVICE_NAME) private readonly serviceName: string,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.OUTBOX_RELAY_ENABLED) return;
    if (this.config.KAFKA_BROKERS) {
      const options = kafkaClientOptions(`${this.serviceName}-relay`, this.config.KAFKA_BROKERS)!;
      this.client = new ClientKafka({
        ...options,
        // The relay retries whole batches itself, with its own pause: a broker that does not
        // answer fails the batch within about a minute instead of holding its rows (and the
        // transaction) for KafkaJS's default four and a half.
        client: { ...options.client!, requestTimeout: 10_000, retry: { retries: 4 } },
        producerOnlyMode: true,
      });
      this.logger.log({ msg: 'Outbox relay started', brokers: this.config.KAFKA_BROKERS });
    } else if (this.inProcess.isListening) {
      this.logger.log({ msg: 'Outbox relay started, delivering to this process (no Kafka)' });
    } else {
      return; // neither a broker nor every consumer here: events wait for a relay that has one
    }
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.client?.close();
  }

  /** Publishes until no event waits; the number sent. */
  async publishPending(): Promise<number> {
    if (!this.client) return this.deliverPendingInProcess();
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
      // A Kafka client whose connection failed stays broken ("Broker not connected") even
      // after the broker is back: closed, the next send connects afresh.
      await this.client?.close().catch(() => undefined);
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
      await lastValueFrom(
        client.emit(event.topic, { key: event.key, value: JSON.stringify(toEnvelope(event)) }),
      );
    }
  }

  /**
   * The handlers run outside any relay transaction: they write to the database themselves,
   * and may take minutes (a full transform). The events delivered before a failure are
   * marked published; the failing one is next, after the pause.
   */
  private async deliverPendingInProcess(): Promise<number> {
    if (!this.inProcess.isListening) return 0;
    const release = await this.locks.tryLock(IN_PROCESS_LOCK);
    if (!release) return 0;
    try {
      let delivered = 0;
      for (;;) {
        const events = await this.outbox.oldestUnpublished(BATCH);
        const done: string[] = [];
        try {
          for (const event of events) {
            if (this.stopped) break;
            await this.inProcess.deliver(toEnvelope(event));
            done.push(event.id);
          }
        } finally {
          await this.outbox.markPublished(done);
        }
        delivered += done.length;
        if (done.length < BATCH) return delivered;
      }
    } finally {
      await release();
    }
  }
}
