import { Client } from 'pg';
import { describeUrl } from '@revops/core';
import { schemaDrift, mergeDiscovery } from '@revops/ingestion/schema/discovery';
import { readDiscoveryDir, writeDiscoveryFile } from '@revops/ingestion/schema/discovery-files';
import { SourceCatalogRepository } from '@revops/ingestion/schema/source-catalog.repository';
import { fail, parseArgs, runScript } from '../lib/cli';
import { printTable } from '../lib/console-progress';

const USAGE = `
Usage: npm run ts -- scripts/03-data/04_discover_source_schemas.ts --source odoo|apn
         [--url postgres://reader@odoo-db:5432/odoo] [--schema public] [--write]

Reads a live source database's information_schema (read-only) for the tables described
in data/schemas/discovery/<source>/ and reports, per table, the columns added, removed
and retyped since the description was written. With --write the descriptions are
updated; then run 03_generate_raw_schema.ts --migration <Name> to carry the change into
raw.* (columns the source drops stay in RAW: history is not thrown away).

Options:
  --source S    odoo or apn (required)
  --url URL     the source database (default: ODOO_DB_URL or APN_DB_URL)
  --schema S    schema holding the tables (default: public)
  --write       update the discovery files
  --help        this text

Exit code: 0 no drift (or written), 3 drift found and not written, 1 error.
`;

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const source = args.get('source');
  if (source !== 'odoo' && source !== 'apn') fail('--source must be odoo or apn', USAGE);
  const url = args.get('url') ?? process.env[source === 'odoo' ? 'ODOO_DB_URL' : 'APN_DB_URL'];
  if (!url) fail(`no source database: pass --url or set ${source.toUpperCase()}_DB_URL`, USAGE);

  const stored = readDiscoveryDir().filter((t) => t.source === source);
  const client = new Client({ connectionString: url, application_name: 'revops-discovery' });
  await client.connect();
  try {
    await client.query('SET default_transaction_read_only = on');
    const live = await new SourceCatalogRepository(client).tables(
      args.get('schema') ?? 'public',
      stored.map((t) => t.table),
    );
    console.log(`Source ${describeUrl(url)}: ${live.length} of ${stored.length} tables found.\n`);
    const rows = stored.map((table) => {
      const found = live.find((l) => l.table === table.table);
      if (!found)
        return { table: table.table, found: 'NO', added: '-', removed: '-', retyped: '-' };
      const drift = schemaDrift(table.columns, found.columns);
      if (
        args.has('write') &&
        (drift.added.length || drift.removed.length || drift.retyped.length)
      ) {
        writeDiscoveryFile(mergeDiscovery(table, found));
      }
      return {
        table: table.table,
        found: 'yes',
        added: drift.added.map((c) => `${c.name} ${c.type}`).join(', ') || '-',
        removed: drift.removed.map((c) => c.name).join(', ') || '-',
        retyped: drift.retyped.map((r) => `${r.name} ${r.from}→${r.to}`).join(', ') || '-',
      };
    });
    printTable(rows);
    const drifted = rows.filter(
      (r) => r.found === 'yes' && [r.added, r.removed, r.retyped].some((v) => v !== '-'),
    );
    if (drifted.length === 0) console.log('\nNo drift.');
    else if (args.has('write')) {
      console.log(
        `\nUpdated ${drifted.length} description(s). Next: 03_generate_raw_schema.ts --migration <Name>`,
      );
    } else {
      console.log(`\nDrift in ${drifted.length} table(s); rerun with --write to record it.`);
      process.exitCode = 3;
    }
  } finally {
    await client.end();
  }
});
