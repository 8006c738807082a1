import { join } from 'node:path';
import { Client } from 'pg';
import { MatchRow, pairKey } from '@revops/matching';
import { groundTruthMatches } from '../../../scripts/06-evaluation/lib/match-metrics';
import { MockKafka, startMockKafka } from '../fixtures/mock-kafka';
import { freePort, getJson, Running, stop, waitFor } from '../fixtures/processes';
import {
  createApiKey,
  EVENT_RUNS,
  healthOf,
  HEALTHY_ON_POSTGRES,
  pipelineOpenWork,
  postJson,
  ServiceName,
  SERVICES,
  serviceEnv,
  startService,
} from '../fixtures/service-processes';
import { createSources, TestSources } from '../fixtures/source-databases';
import { describeWithDatabase, useTestDatabase } from '../fixtures/test-database';

/** The services with `@EventPattern` handlers, and the group each joins. */
const CONSUMERS: ServiceName[] = ['transformation', 'validation', 'embedding', 'matching'];

/** Every live match, page after page, as a client of GET /api/v1/matches reads them. */
async function liveMatches(port: number, key: string): Promise<MatchRow[]> {
  const all: MatchRow[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: { items: MatchRow[]; nextCursor: string | null } } =
      await getJson(
        `http://127.0.0.1:${port}/api/v1/matches?status=auto_linked,proposed,approved&limit=100` +
          (cursor ? `&cursor=${cursor}` : ''),
        key,
      );
    expect(page.status).toBe(200);
    all.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return all;
}

describeWithDatabase(
  'the six numbered services as separate processes over Kafka',
  () => {
    let client: Client;
    let kafka: MockKafka;
    let sources: TestSources;
    const running = new Map<ServiceName, Running>();
    const ports = new Map<ServiceName, number>();
    afterAll(async () => {
      await Promise.all([...running.values()].map((r) => stop(r, 'SIGTERM')));
      await kafka?.stop();
      await client?.end();
    });
    const database = useTestDatabase('postgres');

    beforeAll(async () => {
      client = new Client({ connectionString: database.url });
      await client.connect();
      sources = await createSources(client);
      kafka = await startMockKafka();
    }, 300_000);

    it('syncs requested over HTTP flow through every service until matches appear in the API', async () => {
      const env = {
        ...serviceEnv(database.url!, kafka.brokers),
        EMBEDDING_PROVIDER: 'use-lite', // the offline default, whatever MODELS_DIR holds
      };
      const key = await createApiKey(env);
      for (const [folder, name] of SERVICES) {
        const port = await freePort();
        ports.set(name, port);
        running.set(name, startService(folder, { ...env, PORT: String(port) }));
      }
      const service = (name: ServiceName) => running.get(name)!;
      const url = (name: ServiceName, path: string) => `http://127.0.0.1:${ports.get(name)}${path}`;

      for (const name of CONSUMERS) {
        await waitFor(`${name} to join its consumer group revops-${name}`, service(name), () =>
          service(name).output().includes(`consuming events as revops-${name}`) ? true : undefined,
        );
      }
      const health = [];
      for (const [, name] of SERVICES) {
        health.push(await healthOf(name, ports.get(name)!, service(name)));
      }
      expect(health).toEqual(HEALTHY_ON_POSTGRES);

      for (const source of ['odoo', 'apn']) {
        const sync = await postJson(url('ingestion', `/api/v1/ingestion/${source}/sync`), key, {
          mode: 'full',
        });
        expect(sync.status).toBe(202);
      }

      await waitFor(
        'matches (auto-linked or proposed) in GET /api/v1/matches of 05-matching',
        service('matching'),
        async () => ((await liveMatches(ports.get('matching')!, key)).length ? true : undefined),
        300_000,
      );
      // Both syncs' events may still be on their way: judge the matches once all is done.
      await waitFor(
        'the pipeline to settle: every event published and consumed, no job run going',
        service('matching'),
        async () => {
          const open = await pipelineOpenWork(client);
          return open.unpublished + open.unconsumed + open.running === 0 ? true : undefined;
        },
        300_000,
      );

      const matches = await liveMatches(ports.get('matching')!, key);
      const truth = groundTruthMatches(join(sources.out, 'ground_truth.csv'));
      const correct = (rows: MatchRow[]) =>
        rows.filter((m) => truth.has(pairKey(m.aceId, m.odooId)));
      const autoLinked = matches.filter((m) => m.status === 'auto_linked');
      // Measured on seed 7: 57 of the 60 shared deals auto-linked, all right; one wrong proposal.
      expect(autoLinked.length).toBeGreaterThan(0);
      expect(correct(autoLinked).length / autoLinked.length).toBeGreaterThanOrEqual(0.95);
      expect(correct(matches).length / matches.length).toBeGreaterThanOrEqual(0.9);
      expect(correct(matches).length / truth.size).toBeGreaterThanOrEqual(0.8);
      // One ACE opportunity to one Odoo lead.
      expect(new Set(matches.map((m) => m.aceId)).size).toBe(matches.length);
      expect(new Set(matches.map((m) => m.odooId)).size).toBe(matches.length);

      // 06-api searches the vectors 04-embedding wrote.
      const search = await getJson<{ hits: unknown[] }>(
        url('api', '/api/v1/search/opportunities?q=cloud%20migration&limit=5'),
        key,
      );
      expect(search.status).toBe(200);
      expect(search.body.hits.length).toBeGreaterThan(0);

      const { rows: runs } = await client.query<{ job_name: string; triggered_by: string }>(
        `SELECT DISTINCT job_name, triggered_by FROM ops.job_runs
          WHERE triggered_by LIKE 'event:%' AND status = 'succeeded'`,
      );
      expect(runs).toEqual(expect.arrayContaining(EVENT_RUNS));
    }, 900_000);
  },
  'postgres',
);
