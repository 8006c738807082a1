import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  convertOdooDemoXml,
  withPlaceholderRows,
  rewriteCsvColumn,
  writeImportCompatibleCsv,
} from '../fixtures/odoo-demo-xml';
import { SHARED_DIR } from '../fixtures/paths';
import { start, stop, tsNodeArgs } from '../fixtures/processes';
import { describeWithDatabase, useTestDatabase } from '../fixtures/test-database';

describeWithDatabase(
  '05_sync_source on an Odoo export with 20% unknown stage names',
  () => {
    const database = useTestDatabase('postgres');
    let dir: string;
    afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

    it('exits non-zero, naming the table, the column and the count; the run record says the same', async () => {
      const demo = convertOdooDemoXml(join(SHARED_DIR, 'fixtures/odoo'));
      dir = mkdtempSync(join(tmpdir(), 'odoo-typos-'));
      writeImportCompatibleCsv(dir, withPlaceholderRows(demo), demo, { form: 'display-names' });
      const file = join(dir, 'crm.lead.csv');
      rewriteCsvColumn(file, 'stage_id', (cell, i) => (i % 5 === 0 ? `${cell}x` : cell));

      const sync = start(
        process.execPath,
        tsNodeArgs('scripts/03-data/05_sync_source.ts', '--source', 'odoo', '--mode', 'full'),
        { DATABASE_URL: database.url, ODOO_CONNECTOR: 'csv', ODOO_CSV_DIR: dir },
      );
      const code = await sync.exited;
      await stop(sync);
      expect(code).not.toBe(0);
      expect(sync.output()).toMatch(
        /error: too many rows quarantined .*crm_lead: 9 of 44 rows quarantined \(20\.5%, over the 5% limit\); most common \(9 rows\): stage_id: no crm\.stage named/,
      );

      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query(
          `SELECT status, error, rows_quarantined AS quarantined FROM ops.sync_runs`,
        );
        expect(rows).toEqual([
          {
            status: 'failed',
            error: expect.stringContaining('crm_lead: 9 of 44 rows quarantined'),
            quarantined: 9,
          },
        ]);
      } finally {
        await client.end();
      }
    });
  },
  'postgres',
);
