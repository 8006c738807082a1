import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Admin, Kafka, logLevel } from 'kafkajs';

/**
 * Asks the Kafka cluster of KAFKA_BROKERS to describe itself, over one admin connection
 * kept between checks (a probe every few seconds should not open a connection each
 * time). A failed check drops the connection; the next check opens a fresh one. One check
 * at a time: callers arriving meanwhile share it, so one caller's failure never
 * disconnects the admin another is using.
 */
@Injectable()
export class BrokerHealth implements OnModuleDestroy {
  private admin: Promise<Admin> | null = null;
  private inFlight: Promise<void> | null = null;
  private closed = false;

  check(brokers: string, timeoutMs: number): Promise<void> {
    if (this.closed) return Promise.reject(new Error('Broker check closed: the app is stopping'));
    return (this.inFlight ??= this.describe(brokers, timeoutMs).finally(() => {
      this.inFlight = null;
    }));
  }

  /** Disconnects the admin, after a connect still pending settles (else it would stay open). */
  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.disconnect();
  }

  private async describe(brokers: string, timeoutMs: number): Promise<void> {
    try {
      const admin = await (this.admin ??= this.connect(brokers, timeoutMs));
      // Closed while connecting: onModuleDestroy disconnects this admin; do not use it.
      if (this.closed) throw new Error('Broker check closed: the app is stopping');
      await admin.describeCluster();
    } catch (error) {
      await this.disconnect();
      throw error;
    }
  }

  private async connect(brokers: string, timeoutMs: number): Promise<Admin> {
    const admin = new Kafka({
      clientId: 'revops-readiness',
      brokers: brokers.split(','),
      connectionTimeout: timeoutMs,
      requestTimeout: timeoutMs,
      retry: { retries: 0 },
      // Readiness reports the failure; KafkaJS's own console lines would repeat it each probe.
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    return admin;
  }

  private async disconnect(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    await admin?.then((a) => a.disconnect()).catch(() => undefined);
  }
}
