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
Usage: npm run bench:ingestion [-- --rows 100000 --batch 1000 --url postgres://…/revops_bench]

Measures a full sync of crm_lead rows from an Odoo-shaped PostgreSQL source into
raw.odoo_crm_lead (the real connector, row checks, set-based upserts, cursor commits and
delete reconciliation), and in the same run a plain COPY of the same rows from the source
into a scratch table through the client: the floor any ingestion path pays. The database
named by --url (default BENCH_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/revops_bench)
must end in _bench: it is dropped and recreated.

Last line: RESULT rows_per_s=… copy_rows_per_s=… ratio=…   (target ratio >= 0.5)
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

@Module({ imports: [CoreModule.forRoot('bench'), IngestionModule] })
class BenchModule {}

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const rows = Number(args.get('rows') ?? 100_000);
  const batch = args.get('batch') ?? '1000';
  if (!Number.isInteger(rows) || rows < 1) fail('--rows must be a positive integer');
  const url = await freshBenchDatabase(args, 'postgres://postgres@127.0.0.1:5432/revops_bench');

  const source = new Client({ connectionString: url });
  await source.connect();
  const lead = readDiscoveryDir().find((t) => t.source === 'odoo' && t.table === 'crm_lead')!;
  await source.query('CREATE SCHEMA odoo_src');
  await source.query(sourceTableDdl(lead, 'odoo_src'));
  console.log(`Generating ${rows} crm_lead rows in the source…`);
  await source.query(LEADS_SQL(rows));
  await source.query('ANALYZE odoo_src.crm_lead');

  Object.assign(process.env, {
    DATABASE_URL: url,
    ODOO_DB_URL: url,
    ODOO_DB_SCHEMA: 'odoo_src',
    SYNC_BATCH_SIZE: batch,
    SYNC_SCHEDULES_ENABLED: 'false',
  });
  const logger = new WinstonNestLogger(createLogger('bench', 'error'));
  const app = await NestFactory.createApplicationContext(BenchModule, { logger });
  let started = process.hrtime.bigint();
  const result = await app
    .get(IngestionService)
    .syncSource('odoo', 'full', { triggeredBy: 'bench' });
  const syncSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  await app.close();
  if (result.counts.inserted !== rows)
    fail(`sync inserted ${result.counts.inserted} of ${rows} rows`);

  // The floor: the same rows, source → client → scratch table, with COPY on both ends.
  await source.query('CREATE TABLE public.copy_scratch (LIKE odoo_src.crm_lead)');
  const target = new Client({ connectionString: url });
  await target.connect();
  started = process.hrtime.bigint();
  await pipeline(
    source.query(
      copyTo('COPY (SELECT * FROM odoo_src.crm_lead ORDER BY write_date, id) TO STDOUT'),
    ),
    target.query(copyFrom('COPY public.copy_scratch FROM STDIN')),
  );
  const copySeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const copied = (await target.query('SELECT count(*)::int AS n FROM public.copy_scratch')).rows[0]
    .n;
  await target.end();
  await source.end();
  if (copied !== rows) fail(`COPY wrote ${copied} of ${rows} rows`);

  const rowsPerS = Math.round(rows / syncSeconds);
  const copyRowsPerS = Math.round(rows / copySeconds);
  console.log('');
  printTable([
    {
      path: 'sync (connector → checks → upsert + cursor)',
      rows,
      seconds: syncSeconds.toFixed(2),
      'rows/s': rowsPerS,
    },
    {
      path: 'plain COPY source → scratch',
      rows,
      seconds: copySeconds.toFixed(2),
      'rows/s': copyRowsPerS,
    },
  ]);
  console.log(
    `\nRESULT rows_per_s=${rowsPerS} copy_rows_per_s=${copyRowsPerS} ratio=${(rowsPerS / copyRowsPerS).toFixed(2)}`,
  );
});
