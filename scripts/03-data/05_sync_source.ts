import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import { IngestionModule, IngestionService } from '@revops/ingestion';
import { createScriptApp, fail, parseArgs, runScript } from '../lib/cli';
import { consoleProgress, printTable } from '../lib/console-progress';

const USAGE = `
Usage: npm run ts -- scripts/03-data/05_sync_source.ts --source odoo|apn
         [--mode incremental|full] [--since 2026-11-01T00:00:00Z]

Copies one source into raw.* through its configured connector (ODOO_CONNECTOR /
APN_CONNECTOR; the db connector reads ODOO_DB_URL / APN_DB_URL), the same way the API and
the schedules do: batches committed with their cursor, deletes detected, bad rows
quarantined. Prints progress per table and a summary; the run is in ops.sync_runs.
Refused while another sync of the same source runs (any process).

Options:
  --source S      odoo or apn (required)
  --mode M        incremental (default: from the stored cursor) or full
  --since TIME    incremental from this ISO 8601 time instead of the stored cursor
  --verify        after the sync, compare RAW with the source table by table: row counts
                  and per-row hashes (exit 4 if they differ)
  --help          this text

Example:
  ODOO_DB_URL=postgres://reader@odoo-db:5432/odoo DATABASE_URL=postgres://… \\
    npm run ts -- scripts/03-data/05_sync_source.ts --source odoo --mode full
`;

@Module({ imports: [CoreModule.forRoot('scripts', { http: false }), IngestionModule] })
class SyncScriptModule {}

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const source = args.get('source');
  if (source !== 'odoo' && source !== 'apn') fail('--source must be odoo or apn', USAGE);
  const mode = args.get('mode') ?? 'incremental';
  if (mode !== 'incremental' && mode !== 'full') fail('--mode must be incremental or full', USAGE);
  const since = args.get('since');
  if (since !== undefined && Number.isNaN(Date.parse(since))) {
    fail(`--since must be an ISO 8601 time, got "${since}"`);
  }

  const app = await createScriptApp(SyncScriptModule);
  try {
    console.log(`Syncing ${source} (${mode}${since ? ` since ${since}` : ''})`);
    const result = await app.get(IngestionService).syncSource(source, mode, {
      since,
      triggeredBy: 'script:05_sync_source',
      onProgress: consoleProgress(),
    });
    console.log('');
    printTable([
      { 'sync run': result.syncRunId, mode, ...result.counts, 'duration ms': result.durationMs },
    ]);
    for (const [table, columns] of Object.entries(result.drift)) {
      console.log(`drift: ${table} has columns RAW lacks (kept in _extra): ${columns.join(', ')}`);
    }
    if (result.missingTables.length) {
      console.log(`not in the source (skipped): ${result.missingTables.join(', ')}`);
    }
    if (result.counts.quarantined) {
      console.log(
        `${result.counts.quarantined} row(s) quarantined: see ops.quarantine for reasons.`,
      );
    }
    if (args.has('verify')) {
      console.log('\nVerifying RAW against the source (row counts and per-row hashes):');
      const checks = await app.get(IngestionService).verifySource(source);
      printTable(checks.map((check) => ({ ...check })));
      const bad = checks.filter((c) => c.missing || c.extra || c.differing);
      console.log(
        bad.length
          ? `\nRAW differs from the source in ${bad.length} table(s).`
          : '\nRAW equals the source.',
      );
      if (bad.length) process.exitCode = 4;
    }
  } finally {
    await app.close();
  }
});
