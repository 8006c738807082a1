import { Client } from 'pg';
import { MockKafka, startMockKafka } from '../fixtures/mock-kafka';
import { freePort, Running, start, stop, tsNodeArgs, waitFor } from '../fixtures/processes';
import { createSources } from '../fixtures/source-databases';
import { describeWithDatabase, useTestDatabase } from '../fixtures/test-database';

const main = (folder: string): string => `backend/services/${folder}/src/main.ts`;

describeWithDatabase(
  'ingestion, transformation and validation as separate processes over Kafka',
  () => {
    let client: Client;
    let kafka: MockKafka;
    const running: Running[] = [];
    afterAll(async () => {
      await Promise.all(running.map((r) => stop(r, 'SIGTERM')));
      await kafka?.stop();
      await client?.end();
    });
    const database = useTestDatabase('postgres');

    beforeAll(async () => {
      client = new Client({ connectionString: database.url });
      await client.connect();
      await createSources(client);
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
      const keyScript = start(
        process.execPath,
        tsNodeArgs(
          'scripts/02-database/03_create_api_key.ts',
          '--name',
          'e2e',
          '--role',
          'engineer',
        ),
        env,
      );
      expect(await keyScript.exited).toBe(0);
      const key = /^rvo_\S+$/m.exec(keyScript.output())![0]; // the key, on a line of its own

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

      const response = await fetch(`http://127.0.0.1:${ingestionPort}/api/v1/ingestion/odoo/sync`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ mode: 'full' }),
      });
      expect(response.status).toBe(202);

      const runs = await waitFor(
        'a transform, then a validation run, started by events',
        validation,
        async () => {
          const { rows } = await client.query<{
            job_name: string;
            status: string;
            triggered_by: string;
          }>(
            `SELECT job_name, status, triggered_by FROM ops.job_runs
              WHERE triggered_by LIKE 'event:%' ORDER BY id`,
          );
          const done = (job: string) =>
            rows.some((r) => r.job_name === job && r.status === 'succeeded');
          return done('transform:opportunities') && done('validate') ? rows : undefined;
        },
        180_000,
      );
      expect(runs).toEqual(
        expect.arrayContaining([
          {
            job_name: 'transform:opportunities',
            status: 'succeeded',
            triggered_by: 'event:revops.ingestion.completed',
          },
          {
            job_name: 'validate',
            status: 'succeeded',
            triggered_by: 'event:revops.transformation.opportunities-changed',
          },
        ]),
      );
      const { rows: core } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM core.odoo_opportunities',
      );
      expect(core[0].n).toBe(200);
      // Every event reaches the broker (the last batches' announcements may still be on their way).
      await waitFor('every outbox event published', transformation, async () => {
        const { rows } = await client.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM ops.outbox_events WHERE published_at IS NULL',
        );
        return rows[0].n === 0 ? true : undefined;
      });
    });
  },
  'postgres',
);
