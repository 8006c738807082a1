import { BrokerHealth } from '@revops/core/health/broker-health';
import { Admin, Kafka } from 'kafkajs';
import { MockKafka, startMockKafka } from '../../fixtures/mock-kafka';
import { describeWithDatabase } from '../../fixtures/test-database';

/** Readiness's broker check against a real Kafka-protocol broker (kcat's mock cluster). */
describeWithDatabase(
  'readiness: the broker check',
  () => {
    let kafka: MockKafka;
    const admins: Admin[] = [];

    beforeAll(async () => {
      kafka = await startMockKafka();
      // Every admin connection the check opens, with its calls counted.
      const admin = Kafka.prototype.admin;
      jest.spyOn(Kafka.prototype, 'admin').mockImplementation(function (this: Kafka, ...args) {
        const created = admin.apply(this, args);
        for (const method of ['connect', 'describeCluster', 'disconnect'] as const) {
          jest.spyOn(created, method);
        }
        admins.push(created);
        return created;
      });
    });
    afterAll(async () => {
      jest.restoreAllMocks();
      await kafka?.stop();
    });
    beforeEach(() => (admins.length = 0));

    it('shares one check among concurrent callers, over one connection kept between checks', async () => {
      const health = new BrokerHealth();
      try {
        await Promise.all(Array.from({ length: 5 }, () => health.check(kafka.brokers, 2000)));
        expect(admins).toHaveLength(1);
        expect(admins[0].describeCluster).toHaveBeenCalledTimes(1);
        await health.check(kafka.brokers, 2000);
        expect(admins).toHaveLength(1);
        expect(admins[0].describeCluster).toHaveBeenCalledTimes(2);
      } finally {
        await health.onModuleDestroy();
      }
      expect(admins[0].disconnect).toHaveBeenCalled();
    });

    it('disconnects a connection still opening when the app stops, and opens none after', async () => {
      const health = new BrokerHealth();
      const pending = health.check(kafka.brokers, 2000);
      expect(admins).toHaveLength(1);
      await health.onModuleDestroy();
      await expect(pending).rejects.toThrow(/closed/);
      expect(admins[0].connect).toHaveBeenCalledTimes(1);
      expect(admins[0].disconnect).toHaveBeenCalled();

      await expect(health.check(kafka.brokers, 2000)).rejects.toThrow(/closed/);
      expect(admins).toHaveLength(1);
    });
  },
  'postgres',
);
