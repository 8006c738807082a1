import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CoreModule, createLogger, WinstonNestLogger } from '@revops/core';
import { IngestionModule, IngestionService } from '@revops/ingestion';
import { sourceTableDdl } from '@revops/ingestion/schema/discovery';
import { readDiscoveryDir } from '@revops/ingestion/schema/discovery-files';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { fail, parseArgs, runScript } from '../lib/cli';
import { freshBenchDatabase } from '../lib/bench-database';
import { printTable } from '../lib/console-progress';

const USAGE = `
Usage: npm run bench:ingestion [-- --rows 100000 --rounds 5 --batch 1000 --url postgres://…/revops_bench]

Measures a full sync of crm_lead rows from an Odoo-shaped PostgreSQL source into
raw.odoo_crm_lead (the real connector, row checks, set-based upserts, cursor commits and
delete reconciliation), and in the same run a plain COPY of the same rows from the source
into a scratch table through the client: the floor any ingestion path pays. Each round
empties RAW and the scratch table, syncs, then copies; each path's speed is its median over
the rounds, because one pass on a shared machine varies by 20 % and more. The database
named by --url (default BENCH_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/revops_bench)
must end in _bench: it is dropped and recreated.

Last line: RESULT rows_per_s=… copy_rows_per_s=… ratio=…   (the two medians and their
quotient; target ratio >= 0.5)
`;

/** Realistic widths: a title, a contact, a 300-600 character HTML description, references. */
const LEADS_SQL = (n: number) => `
  INSERT INTO odoo_src.crm_lead (id, name, type, active, priority, partner_id, partner_name,
      contact_name, email_from, phone, website, user_id, team_id, company_id, stage_id,
      country_id, city, expected_revenue, probability, date_deadline, description,
      create_uid, create_date, write_uid, write_date)
  SELECT g, 'Data warehouse migration ' || g || ' - Company ' || (g % 5000),
         CASE WHEN g % 20 = 0 THEN 'lead' ELSE 'opportunity' END, g % 13 <> 0, (g % 4)::text,
         1000 + g % 5000, 'Company ' || (g % 5000) || ' S.A.', 'Contact ' || g,
         'contact' || g || '@company' || (g % 5000) || '.com', '+55 11 5555 ' || lpad((g % 10000)::text, 4, '0'),
         'https://www.company' || (g % 5000) || '.com', 2 + g % 6, 1 + g % 4, 1, 1 + g % 4,
         1 + g % 15, 'City ' || (g % 300), (g % 900 + 100) * 1000, g % 100, DATE '2026-01-01' + (g % 700),
         '<p>' || repeat('The customer runs reporting on an on-premises warehouse. ', 3 + g % 8) || '</p>',
         2, TIMESTAMP '2025-01-01' + g * interval '7 seconds', 2,
         TIMESTAMP '2025-06-01' + g * interval '7 seconds'
    FROM generate_series(1, ${n}) g`;

@Module({ imports: [CoreModule.forRoot('bench', { http: false }), IngestionModule] })
class BenchModule {}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const secondsSince = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9;

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const rows = Number(args.get('rows') ?? 100_000);
  const rounds = Number(args.get('rounds') ?? 5);
  const batch = args.get('batch') ?? '1000';
  if (!Number.isInteger(rows) || rows < 1) fail('--rows must be a positive integer');
  if (!Number.isInteger(rounds) || rounds < 1) fail('--rounds must be a positive integer');
  const url = await freshBenchDatabase(args, 'postgres://postgres@127.0.0.1:5432/revops_bench');

  const source = new Client({ connectionString: url });
  await source.connect();
  const lead = readDiscoveryDir().find((t) => t.source === 'odoo' && t.table === 'crm_lead')!;
  await source.query('CREATE SCHEMA odoo_src');
  await source.query(sourceTableDdl(lead, 'odoo_src'));
  console.log(`Generating ${rows} crm_lead rows in the source…`);
  await source.query(LEADS_SQL(rows));
  await source.query('ANALYZE odoo_src.crm_lead');
  await source.query('CREATE TABLE public.copy_scratch (LIKE odoo_src.crm_lead)');
  const target = new Client({ connectionString: url });
  await target.connect();

  Object.assign(process.env, {
    DATABASE_URL: url,
    ODOO_DB_URL: url,
    ODOO_DB_SCHEMA: 'odoo_src',
    SYNC_BATCH_SIZE: batch,
    SYNC_SCHEDULES_ENABLED: 'false',
  });
  const logger = new WinstonNestLogger(createLogger('bench', 'error'));
  const app = await NestFactory.createApplicationContext(BenchModule, { logger });
  const ingestion = app.get(IngestionService);

  const table: Record<string, string | number>[] = [];
  for (let round = 1; round <= rounds; round++) {
    // Each round is a first load again: RAW and the cursor emptied.
    await source.query(`TRUNCATE raw.odoo_crm_lead, public.copy_scratch;
      DELETE FROM ops.sync_cursors WHERE source = 'odoo'`);
    let started = process.hrtime.bigint();
    const result = await ingestion.syncSource('odoo', 'full', { triggeredBy: 'bench' });
    const syncSeconds = secondsSince(started);
    if (result.counts.inserted !== rows)
      fail(`round ${round}: the sync inserted ${result.counts.inserted} of ${rows} rows`);

    // The floor: the same rows, source → client → scratch table, with COPY on both ends.
    started = process.hrtime.bigint();
    await pipeline(
      source.query(
        copyTo('COPY (SELECT * FROM odoo_src.crm_lead ORDER BY write_date, id) TO STDOUT'),
      ),
      target.query(copyFrom('COPY public.copy_scratch FROM STDIN')),
    );
    const copySeconds = secondsSince(started);
    const { n } = (await target.query('SELECT count(*)::int AS n FROM public.copy_scratch'))
      .rows[0];
    if (n !== rows) fail(`round ${round}: COPY wrote ${n} of ${rows} rows`);

    table.push({
      round,
      'sync s': syncSeconds.toFixed(2),
      'sync rows/s': Math.round(rows / syncSeconds),
      'COPY s': copySeconds.toFixed(2),
      'COPY rows/s': Math.round(rows / copySeconds),
      ratio: (copySeconds / syncSeconds).toFixed(2),
    });
    console.log(
      `  round ${round}/${rounds}: sync ${syncSeconds.toFixed(2)} s, COPY ${copySeconds.toFixed(2)} s`,
    );
  }
  await app.close();
  await target.end();
  await source.end();

  const rowsPerS = Math.round(median(table.map((r) => Number(r['sync rows/s']))));
  const copyRowsPerS = Math.round(median(table.map((r) => Number(r['COPY rows/s']))));
  table.push({
    round: 'median',
    'sync s': (rows / rowsPerS).toFixed(2),
    'sync rows/s': rowsPerS,
    'COPY s': (rows / copyRowsPerS).toFixed(2),
    'COPY rows/s': copyRowsPerS,
    ratio: (rowsPerS / copyRowsPerS).toFixed(2),
  });
  console.log(
    `\nFull sync (connector → checks → upsert + cursor) of ${rows} crm_lead rows vs a plain COPY:`,
  );
  printTable(table);
  console.log(
    `\nRESULT rows_per_s=${rowsPerS} copy_rows_per_s=${copyRowsPerS} ratio=${(rowsPerS / copyRowsPerS).toFixed(2)}`,
  );
});
