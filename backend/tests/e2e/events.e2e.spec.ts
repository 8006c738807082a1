import { Client } from 'pg';
import { MockKafka, startMockKafka } from '../fixtures/mock-kafka';
import { freePort, Running, start, stop, tsNodeArgs, waitFor } from '../fixtures/processes';
import { createSources } from '../fixtures/source-databases';
import { createApiKey } from '../fixtures/service-processes';
import { describeWithDatabase, useTestDatabase } from '../fixtures/test-database';

const main = (folder: string): string => `backend/services/${folder}/src/main.ts`;

/** A PostgreSQL test database holding the generated Odoo and APN sources, and a client on it. */
function useSourcesDatabase(): { readonly url: string | undefined; readonly client: Client } {
  let client: Client | undefined;
  afterAll(() => client?.end());
  const database = useTestDatabase('postgres');
  beforeAll(async () => {
    client = new Client({ connectionString: database.url });
    await client.connect();
    await createSources(client);
  });
  return {
    get url() {
      return database.url;
    },
    get client() {
      if (!client) throw new Error('the sources database is not ready yet');
      return client;
    },
  };
}

/** A full Odoo sync, requested over HTTP as a user would. */
async function requestSync(port: number, key: string): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/ingestion/odoo/sync`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'full' }),
  });
  expect(response.status).toBe(202);
}

/** True once no outbox event waits to be published, else undefined (for waitFor). */
async function allPublished(client: Client): Promise<true | undefined> {
  const { rows } = await client.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM ops.outbox_events WHERE published_at IS NULL',
  );
  return rows[0].n === 0 ? true : undefined;
}

/** The succeeded job runs that events started, once every job in `jobs` has one. */
async function eventRuns(
  client: Client,
  jobs: string[],
): Promise<{ job_name: string; triggered_by: string }[] | undefined> {
  const { rows } = await client.query<{ job_name: string; triggered_by: string }>(
    `SELECT job_name, triggered_by FROM ops.job_runs
      WHERE triggered_by LIKE 'event:%' AND status = 'succeeded' ORDER BY id`,
  );
  return jobs.every((job) => rows.some((r) => r.job_name === job)) ? rows : undefined;
}

describeWithDatabase(
  'ingestion, transformation and validation as separate processes over Kafka',
  () => {
    let kafka: MockKafka;
    const running: Running[] = [];
    afterAll(async () => {
      await Promise.all(running.map((r) => stop(r, 'SIGTERM')));
      await kafka?.stop();
    });
    const database = useSourcesDatabase();

    beforeAll(async () => {
      kafka = await startMockKafka();
    });

    it('a sync requested over HTTP is transformed, then validated, each service reacting on its own', async () => {
      const env = {
        DATABASE_URL: database.url,
        KAFKA_BROKERS: kafka.brokers,
        OUTBOX_RELAY_INTERVAL_MS: '200',
        ODOO_DB_URL: database.url,
        ODOO_DB_SCHEMA: 'odoo_src',
        SYNC_SCHEDULES_ENABLED: 'false',
        LOG_LEVEL: 'info', // the services say when they have joined their consumer groups
      };
      const key = await createApiKey(env);

      const ingestionPort = await freePort();
      const [ingestion, transformation, validation] = [
        ['01-ingestion', ingestionPort],
        ['02-transformation', await freePort()],
        ['03-validation', await freePort()],
      ].map(([folder, port]) => {
        const service = start(process.execPath, tsNodeArgs(main(String(folder))), {
          ...env,
          PORT: String(port),
        });
        running.push(service);
        return service;
      });
      await waitFor('the consumers to join their groups', validation, () =>
        validation.output().includes('consuming events as revops-validation') &&
        transformation.output().includes('consuming events as revops-transformation')
          ? true
          : undefined,
      );
      await waitFor('ingestion to listen', ingestion, () =>
        ingestion.output().includes('listening on') ? true : undefined,
      );

      await requestSync(ingestionPort, key);

      const runs = await waitFor(
        'a transform, then a validation run, started by events',
        validation,
        () => eventRuns(database.client, ['transform:opportunities', 'validate']),
        180_000,
      );
      expect(runs).toEqual(
        expect.arrayContaining([
          {
            job_name: 'transform:opportunities',
            triggered_by: 'event:revops.ingestion.completed',
          },
          {
            job_name: 'validate',
            triggered_by: 'event:revops.transformation.opportunities-changed',
          },
        ]),
      );
      const { rows: core } = await database.client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM core.odoo_opportunities',
      );
      expect(core[0].n).toBe(200);
      // Every event reaches the broker (the last batches' announcements may still be on their way).
      await waitFor('every outbox event published', transformation, () =>
        allPublished(database.client),
      );
    });
  },
  'postgres',
);

describeWithDatabase(
  'the all-in-one process without Kafka: its events reach its own handlers',
  () => {
    let allInOne: Running | undefined;
    afterAll(async () => {
      if (allInOne) await stop(allInOne, 'SIGTERM');
    });
    const database = useSourcesDatabase();

    it('a sync requested over HTTP is transformed, validated and embedded, in-process', async () => {
      const env = {
        DATABASE_URL: database.url,
        KAFKA_BROKERS: '', // none: the in-process transport
        OUTBOX_RELAY_INTERVAL_MS: '200',
        ODOO_DB_URL: database.url,
        ODOO_DB_SCHEMA: 'odoo_src',
        SYNC_SCHEDULES_ENABLED: 'false',
        LOG_LEVEL: 'info',
      };
      const key = await createApiKey(env);
      const port = await freePort();
      const running = start(
        process.execPath,
        tsNodeArgs('backend/services/06-api/src/all-in-one/all-in-one.main.ts'),
        { ...env, PORT: String(port) },
      );
      allInOne = running;
      await waitFor('the all-in-one to listen, consuming in-process', running, () =>
        running.output().includes('all-in-one consuming events in-process') &&
        running.output().includes('listening on')
          ? true
          : undefined,
      );

      await requestSync(port, key);
      const runs = await waitFor(
        'a transform, a validation and an embedding run, started by events',
        running,
        () =>
          eventRuns(database.client, [
            'transform:opportunities',
            'validate',
            'embed:opportunities',
          ]),
        180_000,
      );
      expect(runs).toEqual(
        expect.arrayContaining([
          { job_name: 'transform:opportunities', triggered_by: 'event:revops.ingestion.completed' },
          {
            job_name: 'validate',
            triggered_by: 'event:revops.transformation.opportunities-changed',
          },
          { job_name: 'embed:opportunities', triggered_by: 'event:revops.validation.completed' },
        ]),
      );
      await waitFor('every outbox event delivered', running, () => allPublished(database.client));
      const { rows: consumed } = await database.client.query<{ consumer_group: string }>(
        'SELECT DISTINCT consumer_group FROM ops.consumed_events ORDER BY 1',
      );
      expect(consumed.map((r) => r.consumer_group)).toEqual(
        expect.arrayContaining(['revops-embedding', 'revops-transformation', 'revops-validation']),
      );
    });
  },
  'postgres',
);
