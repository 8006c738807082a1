import {
  freePort,
  getJson,
  Running,
  start,
  stop,
  tsNodeArgs,
  waitFor,
} from '../fixtures/processes';
import { describeWithDatabase, useTestDatabase } from '../fixtures/test-database';

const SERVICES = [
  ['01-ingestion', 'ingestion'],
  ['02-transformation', 'transformation'],
  ['03-validation', 'validation'],
  ['04-embedding', 'embedding'],
  ['05-matching', 'matching'],
  ['06-api', 'api'],
] as const;

const main = (folder: string): string => `backend/services/${folder}/src/main.ts`;

describeWithDatabase(
  'each numbered service as its own process',
  () => {
    const database = useTestDatabase('postgres');
    const running: Running[] = [];
    afterAll(() => Promise.all(running.map((r) => stop(r, 'SIGTERM'))));

    it('starts standalone against DATABASE_URL and answers /health', async () => {
      const ports = await Promise.all(SERVICES.map(() => freePort()));
      SERVICES.forEach(([folder], i) =>
        running.push(
          start(process.execPath, tsNodeArgs(main(folder)), {
            DATABASE_URL: database.url,
            PORT: String(ports[i]),
          }),
        ),
      );
      const health = await Promise.all(
        SERVICES.map((_, i) =>
          waitFor(`${SERVICES[i][0]} /health`, running[i], async () => {
            const reply = await getJson(`http://127.0.0.1:${ports[i]}/health`).catch(() => null);
            return reply?.status === 200 ? reply.body : undefined;
          }),
        ),
      );
      expect(health).toEqual(
        SERVICES.map(([, name]) =>
          expect.objectContaining({
            status: 'ok',
            service: name,
            database: { kind: 'postgres', status: 'up' },
          }),
        ),
      );
    });
  },
  'postgres',
);

describe('boot with a bad configuration', () => {
  it('stops with exit code 1 and a message naming the variable', async () => {
    const service = start(process.execPath, tsNodeArgs(main('01-ingestion')), {
      DATABASE_URL: 'not-a-url',
    });
    expect(await service.exited).toBe(1);
    expect(service.output()).toContain('Invalid configuration (CoreConfig): DATABASE_URL');
  });
});
