import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDiscoveryDir } from '@revops/ingestion/schema/discovery-files';
import {
  completeRawSchemaSql,
  rawSchemaMigration,
  rawTableSpecs,
} from '@revops/ingestion/schema/raw-ddl';
import { fail, parseArgs, runScript } from '../lib/cli';
import { printTable } from '../lib/console-progress';

const USAGE = `
Usage: npm run ts -- scripts/03-data/03_generate_raw_schema.ts [--migration Name] [--check]

Reads data/schemas/discovery/{odoo,apn}/*.json and writes
  data/schemas/sql/complete_raw_schema.sql                      the raw.* DDL
  backend/services/01-ingestion/src/raw/raw-tables.generated.json the column checks
and, with --migration, a new migration that applies that SQL (registered in
backend/models/src/migrations/index.ts). Prints the field count of every table.

Options:
  --migration Name   also write <timestamp>-Name.ts (PascalCase) applying the SQL
  --check            write nothing; exit 1 if the generated files are out of date
  --help             this text

Example (after scripts/03-data/04_discover_source_schemas.ts changed a discovery file):
  npm run ts -- scripts/03-data/03_generate_raw_schema.ts --migration AddOdooDriftColumns
`;

const SQL_FILE = 'data/schemas/sql/complete_raw_schema.sql';
const SPEC_FILE = 'backend/services/01-ingestion/src/raw/raw-tables.generated.json';
const MIGRATIONS = 'backend/models/src/migrations';

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const tables = readDiscoveryDir();
  const sql = completeRawSchemaSql(tables);
  const specs = `${JSON.stringify(rawTableSpecs(tables), null, 2)}\n`;

  if (args.has('check')) {
    const stale = [
      [SQL_FILE, sql],
      [SPEC_FILE, specs],
    ].filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text);
    if (stale.length) fail(`out of date: ${stale.map(([f]) => f).join(', ')}; run without --check`);
    console.log('Generated RAW schema files are up to date.');
    return;
  }

  writeFileSync(SQL_FILE, sql);
  writeFileSync(SPEC_FILE, specs);
  printTable(tables.map((t) => ({ source: t.source, table: t.table, fields: t.columns.length })));
  const total = tables.reduce((n, t) => n + t.columns.length, 0);
  console.log(`\n${tables.length} tables, ${total} fields. Wrote ${SQL_FILE} and ${SPEC_FILE}.`);

  const name = args.get('migration');
  if (name) {
    if (!/^[A-Z][A-Za-z0-9]+$/.test(name))
      fail('--migration must be PascalCase, e.g. CompleteRawSchema');
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const file = `${timestamp}-${name}`;
    writeFileSync(join(MIGRATIONS, `${file}.ts`), rawSchemaMigration(className, sql));
    const index = join(MIGRATIONS, 'index.ts');
    const source = readFileSync(index, 'utf8')
      .replace(/(\n\/\*\* In order\.)/, `import { ${className} } from './${file}';\n$1`)
      .replace(/(\n\];\s*)$/, `\n  ${className},$1`);
    writeFileSync(index, source);
    console.log(
      `Wrote migration ${MIGRATIONS}/${file}.ts and registered it. Review it before committing.`,
    );
  }
});
