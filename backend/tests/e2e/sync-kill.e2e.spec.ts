import { Client } from 'pg';
import { createSources, multiplyLeads, rawMatchesSource } from '../fixtures/source-databases';
import { start, stop, tsNodeArgs, waitFor } from '../fixtures/processes';
import { describeWithDatabase, useTestDatabase } from '../fixtures/test-database';

describeWithDatabase(
  'a sync killed with SIGKILL mid-run',
  () => {
    let client: Client;
    afterAll(() => client?.end());
    const database = useTestDatabase('postgres');
    let leads: number;
    const syncProcess = () =>
      start(
        process.execPath,
        tsNodeArgs('scripts/03-data/05_sync_source.ts', '--source', 'odoo', '--mode', 'full'),
        {
          DATABASE_URL: database.url,
          ODOO_DB_URL: database.url,
          ODOO_DB_SCHEMA: 'odoo_src',
          SYNC_BATCH_SIZE: '200',
        },
      );
    const count = async (sql: string, params: unknown[] = []): Promise<number> =>
      (await client.query(sql, params)).rows[0].n;

    beforeAll(async () => {
      client = new Client({ connectionString: database.url });
      await client.connect();
      await createSources(client);
      leads = await multiplyLeads(client, 'odoo_src', 150);
    });

    it('leaves a cursor that never points past committed rows, and a rerun completes RAW exactly', async () => {
      const first = syncProcess();
      await waitFor('the first batches of crm_lead to commit', first, async () => {
        const n = await count('SELECT count(*)::int AS n FROM raw.odoo_crm_lead').catch(() => 0);
        return n >= 2000 ? n : undefined;
      });
      process.kill(first.child.pid!, 'SIGKILL');
      await first.exited;

      const [{ position }] = (
        await client.query(
          `SELECT position FROM ops.sync_cursors WHERE source = 'odoo' AND source_table = 'crm_lead'`,
        )
      ).rows;
      const inRaw = await count('SELECT count(*)::int AS n FROM raw.odoo_crm_lead');
      const upToCursor = await count(
        `SELECT count(*)::int AS n FROM odoo_src.crm_lead
          WHERE (write_date, id) <= ($1::timestamp, $2::bigint)`,
        position,
      );
      expect(inRaw).toBeLessThan(leads);
      // Exactly the rows up to the cursor were committed: nothing past it, none missing.
      expect(inRaw).toBe(upToCursor);

      const second = syncProcess();
      expect(await second.exited).toBe(0);
      await stop(second);
      expect(
        await rawMatchesSource((sql) => client.query(sql).then((r) => r.rows), 'crm_lead'),
      ).toEqual({ source: leads, raw: leads, differing: 0 });
      expect(await count('SELECT count(*)::int AS n FROM raw.odoo_crm_lead')).toBe(leads);
      const runs = (
        await client.query(
          `SELECT status, error FROM ops.sync_runs WHERE source = 'odoo' ORDER BY id`,
        )
      ).rows;
      expect(runs).toEqual([
        {
          status: 'failed',
          error: 'abandoned: the process running this sync stopped before it finished',
        },
        { status: 'succeeded', error: null },
      ]);
    });
  },
  'postgres',
);
