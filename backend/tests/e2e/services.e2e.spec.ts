import { freePort, Running, stop } from '../fixtures/processes';
import {
  healthOf,
  HEALTHY_ON_POSTGRES,
  SERVICES,
  startService,
} from '../fixtures/service-processes';
import { describeWithDatabase, useTestDatabase } from '../fixtures/test-database';

describeWithDatabase(
  'each numbered service as its own process',
  () => {
    const database = useTestDatabase('postgres');
    const running: Running[] = [];
    afterAll(() => Promise.all(running.map((r) => stop(r, 'SIGTERM'))));

    it('starts standalone against DATABASE_URL and answers /health', async () => {
      const ports = await Promise.all(SERVICES.map(() => freePort()));
      SERVICES.forEach(([folder], i) =>
        running.push(startService(folder, { DATABASE_URL: database.url, PORT: String(ports[i]) })),
      );
      const health = await Promise.all(
        SERVICES.map(([folder], i) => healthOf(folder, ports[i], running[i])),
      );
      expect(health).toEqual(HEALTHY_ON_POSTGRES);
    });
  },
  'postgres',
);

describe('boot with a bad configuration', () => {
  it('stops with exit code 1 and a message naming the variable', async () => {
    const service = startService('01-ingestion', { DATABASE_URL: 'not-a-url' });
    expect(await service.exited).toBe(1);
    expect(service.output()).toContain('Invalid configuration (CoreConfig): DATABASE_URL');
  });
});
