import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CoreModule, createLogger, WinstonNestLogger } from '@revops/core';
import { IngestionModule, IngestionService } from '@revops/ingestion';
import { TransformationModule, TransformationService } from '@revops/transformation';
import { ODOO_JOINED } from '@revops/transformation/transformation.repository';
import { Client } from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSampleSources } from '../03-data/lib/sample-sources';
import { fail, parseArgs, positiveInt, runScript } from '../lib/cli';
import { freshBenchDatabase } from '../lib/bench-database';
import { printTable } from '../lib/console-progress';

const USAGE = `
Usage: npm run bench:transform [-- --rows 100000 --ace 75000 --url postgres://…/revops_transform_bench]

Fills RAW with --rows generated Odoo leads (and their partners, users, teams, stages,
countries, states, tags…) and --ace ACE opportunities through the sample-source generator
and a full sync of each, then VACUUM ANALYZE (what autovacuum does after a bulk load).
Timed: a full transform of the Odoo opportunities into core.odoo_opportunities by the real
service (change detection by source_hash, mapping in Node, batches of 1,000 written with
their outbox event, the job run). In the same run the floor: one INSERT INTO a scratch copy
of core.odoo_opportunities SELECT the same columns FROM the same RAW join, by plain column
copies (HTML description as it is, names as their en_US text), once with the server's JIT
setting and once without; the faster is the floor. The ACE transform is timed on its own
row, outside RESULT. The database named by --url (default BENCH_DATABASE_URL, else
postgres://postgres@127.0.0.1:5432/revops_transform_bench) must end in _bench: it is
dropped and recreated.

Options:
  --rows N        Odoo leads (default 100000)
  --ace N         ACE opportunities (default 75% of --rows, the generator's own proportion)
  --url URL       the bench database
  --help          this text

Last line: RESULT rows_per_s=… sql_floor_rows_per_s=… ratio=…   (target ratio >= 0.3)
`;

/** Every core.odoo_opportunities column from the transform's join, as a plain copy. */
const FLOOR_SQL = `
  INSERT INTO public.transform_floor (odoo_id, name, lead_type, active, customer_name,
      customer_partner_id, customer_domain, customer_name_normalized, contact_name, email,
      phone, website, salesperson_user_id, salesperson_name, team_id, team_name, stage_id,
      stage_name, is_won, country_code, country_name, state_code, state_name, city,
      expected_revenue, currency_code, company_name, lost_reason, tags, probability,
      date_deadline, description, source_write_date, source_hash, deleted_at)
  SELECT j.id, j.name, j.type, COALESCE(j.active, true),
         COALESCE(j.commercial_name, j.partner_display_name, j.partner_name),
         COALESCE(j.commercial_partner_id, j.partner_id), COALESCE(j.website, j.partner_website),
         COALESCE(j.commercial_name, j.partner_display_name, j.partner_name), j.contact_name,
         COALESCE(j.email_from, j.partner_email), COALESCE(j.phone, j.partner_phone),
         COALESCE(j.website, j.partner_website), j.user_id,
         COALESCE(j.salesperson_name, j.salesperson_login), j.team_id, j.team_name->>'en_US',
         j.stage_id, j.stage_name->>'en_US', COALESCE(j.stage_is_won, false), j.country_code,
         j.country_name->>'en_US', j.state_code, j.state_name, COALESCE(j.city, j.partner_city),
         j.expected_revenue::numeric, j.currency_code, j.company_name,
         j.lost_reason_name->>'en_US', COALESCE(j.tag_names::text[], '{}'), j.probability,
         j.date_deadline::date, j.description, j.write_date::timestamp, j.source_hash,
         j.deleted_at::timestamptz
    FROM (${ODOO_JOINED}) j`;

@Module({
  imports: [CoreModule.forRoot('bench', { http: false }), IngestionModule, TransformationModule],
})
class BenchModule {}

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const rows = positiveInt(args, 'rows', 100_000, USAGE);
  const ace = positiveInt(args, 'ace', Math.round(rows * 0.75), USAGE);
  const url = await freshBenchDatabase(
    args,
    'postgres://postgres@127.0.0.1:5432/revops_transform_bench',
  );

  const client = new Client({ connectionString: url });
  await client.connect();
  const out = mkdtempSync(join(tmpdir(), 'revops-transform-bench-'));
  console.log(`Generating ${rows} Odoo leads and ${ace} ACE opportunities in the sources…`);
  try {
    await generateSampleSources({
      client,
      odooSchema: 'odoo_src',
      apnSchema: 'apn_src',
      odoo: rows,
      ace,
      shared: Math.round(Math.min(rows, ace) * 0.4),
      seed: 42,
      out,
      log: process.stderr,
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }

  Object.assign(process.env, {
    DATABASE_URL: url,
    ODOO_DB_URL: url,
    ODOO_DB_SCHEMA: 'odoo_src',
    APN_DB_URL: url,
    APN_DB_SCHEMA: 'apn_src',
    SYNC_SCHEDULES_ENABLED: 'false',
  });
  const logger = new WinstonNestLogger(createLogger('bench', 'error'));
  const app = await NestFactory.createApplicationContext(BenchModule, { logger });
  let odoo: number;
  let odooSeconds: number;
  let aceRows: number;
  let aceSeconds: number;
  try {
    console.log('Syncing both sources into RAW…');
    for (const source of ['odoo', 'apn'] as const) {
      const { counts } = await app
        .get(IngestionService)
        .syncSource(source, 'full', { triggeredBy: 'bench' });
      console.log(`  ${source}: ${counts.inserted} RAW rows`);
    }
    // What autovacuum does after a bulk load, before a scheduled transform runs: statistics,
    // hint bits, the visibility map. Otherwise the first reader of RAW, the timed transform,
    // would pay for them and the floor after it would not.
    await client.query('VACUUM (ANALYZE)');
    console.log('Transforming (timed)…');
    const transformation = app.get(TransformationService);
    let started = process.hrtime.bigint();
    odoo = (await transformation.transform('odoo-opportunities', 'bench')).odooOpportunities ?? 0;
    odooSeconds = seconds(started);
    started = process.hrtime.bigint();
    aceRows = (await transformation.transform('ace-opportunities', 'bench')).aceOpportunities ?? 0;
    aceSeconds = seconds(started);
  } finally {
    await app.close();
  }
  if (odoo !== rows) fail(`the transform wrote ${odoo} of ${rows} Odoo opportunities`);

  // The floor: the same join, the same columns, straight into a scratch table. Run with
  // the server's JIT setting and without JIT; the faster is the floor.
  const floor: Record<'on' | 'off', number> = { on: 0, off: 0 };
  for (const jit of ['on', 'off'] as const) {
    await client.query('DROP TABLE IF EXISTS public.transform_floor');
    await client.query(
      'CREATE TABLE public.transform_floor (LIKE core.odoo_opportunities INCLUDING DEFAULTS)',
    );
    await client.query(jit === 'off' ? 'SET jit = off' : 'RESET jit');
    const started = process.hrtime.bigint();
    const written = (await client.query(FLOOR_SQL)).rowCount;
    floor[jit] = seconds(started);
    if (written !== rows) fail(`the floor wrote ${written} of ${rows} rows`);
  }
  await client.end();
  const floorSeconds = Math.min(floor.on, floor.off);

  const rowsPerS = Math.round(rows / odooSeconds);
  const floorRowsPerS = Math.round(rows / floorSeconds);
  console.log('');
  printTable([
    {
      path: 'transform Odoo (join → map → upsert + outbox)',
      rows,
      seconds: odooSeconds.toFixed(2),
      'rows/s': rowsPerS,
    },
    ...(['on', 'off'] as const).map((jit) => ({
      path: `floor: INSERT … SELECT, same join (jit ${jit})`,
      rows,
      seconds: floor[jit].toFixed(2),
      'rows/s': Math.round(rows / floor[jit]),
    })),
    {
      path: 'transform ACE (not in RESULT)',
      rows: aceRows,
      seconds: aceSeconds.toFixed(2),
      'rows/s': Math.round(aceRows / aceSeconds),
    },
  ]);
  console.log(
    `\nRESULT rows_per_s=${rowsPerS} sql_floor_rows_per_s=${floorRowsPerS} ratio=${(rowsPerS / floorRowsPerS).toFixed(2)}`,
  );
});
