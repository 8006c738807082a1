import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Admin, Kafka, logLevel } from 'kafkajs';

/**
 * Asks the Kafka cluster of KAFKA_BROKERS to describe itself, over one admin connection
 * kept between checks (a probe every few seconds should not open a connection each
 * time). A failed check drops the connection; the next check opens a fresh one.
 */
@Injectable()
export class BrokerHealth implements OnModuleDestroy {
  private admin: Promise<Admin> | null = null;

  async check(brokers: string, timeoutMs: number): Promise<void> {
    try {
      const admin = await (this.admin ??= this.connect(brokers, timeoutMs));
      await admin.describeCluster();
    } catch (error) {
      await this.disconnect();
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.disconnect();
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
