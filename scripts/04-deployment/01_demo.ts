import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import {
  ApiKeyService,
  configureHttpApp,
  CoreConfig,
  createLogger,
  PGLITE_MEMORY,
  WinstonNestLogger,
} from '@revops/core';
import { AllInOneModule, runPipeline, serveDocsAndWebApp } from '@revops/api';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { configOrExit, parseArgs, runScript } from '../lib/cli';
import { consoleProgress } from '../lib/console-progress';
import { demoAdminKey } from '../lib/demo-admin-key';
import { DEMO_SOURCES, useDemoSources } from '../lib/demo-sources';
import { printPipelineSummary } from '../lib/pipeline-summary';

const USAGE = `
Usage: npm run demo [-- --port 3000 --data-dir .data/pglite --sources .data/demo-sources]

Starts the whole platform in one process on the embedded PGlite database (no server,
Docker or network needed), listening on 127.0.0.1 (HOST=0.0.0.0 opens it to the network),
with an admin API key (created on the first start and kept, owner-only, in
<data-dir>/demo-admin.key: later starts reuse it while it is valid), generates a small Odoo and ACE
sample with the sample-source generator (${DEMO_SOURCES.odoo} leads, ${DEMO_SOURCES.ace} ACE opportunities,
${DEMO_SOURCES.shared} deals in both: Odoo's CSV export and ACE JSON files), syncs them through the CSV
and ACE JSON connectors, transforms and embeds them, prints a ready-to-paste search
command, and serves until Ctrl-C. Data persists in the data directory, so a second start
is quick and finds everything again (the generator is deterministic).

Options:
  --port N         HTTP port (default: PORT or 3000)
  --data-dir DIR   PGlite data directory (default: PGLITE_DATA_DIR or .data/pglite, the
                   same as npm start, which then serves the demo's data)
  --sources DIR    where the generated export files go (default: .data/demo-sources)
  --key-file FILE  where the admin key is kept (default: <data-dir>/demo-admin.key, or
                   .data/demo-admin.key with DATABASE_URL)
  --help           this text

With DATABASE_URL set, the demo uses that PostgreSQL database instead. While the demo
runs, it holds the PGlite directory: scripts on the same directory refuse to start (they
would lose their writes); create keys with the running demo's API instead
(POST /api/v1/keys with the admin key).
`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), USAGE);
  if (args.has('data-dir')) process.env.PGLITE_DATA_DIR = args.get('data-dir');
  const sources = resolve(args.get('sources') ?? '.data/demo-sources');
  const files = await useDemoSources(sources);
  process.env.PORT = args.get('port') ?? process.env.PORT ?? '3000';
  process.env.LOG_LEVEL ??= 'warn';
  process.env.LOG_FORMAT ??= 'pretty';

  const config = configOrExit(CoreConfig);
  const started = Date.now();
  const where = config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : config.PGLITE_DATA_DIR;
  console.log(`RevOps demo: starting all six services in one process (database: ${where})`);

  buildWebApp();
  const logger = new WinstonNestLogger(createLogger('demo', config.LOG_LEVEL, config.LOG_FORMAT));
  // abortOnError off: a failed boot (e.g. the data directory held by another process)
  // reaches runScript, which prints its message and exits 1.
  const app = configureHttpApp(
    await NestFactory.create(AllInOneModule, { logger, abortOnError: false }),
  );
  await serveDocsAndWebApp(app);
  await app.listen(config.PORT ?? 3000, config.HOST);
  const url = `http://localhost:${config.PORT ?? 3000}`;
  console.log(
    `Web app: ${url}/  (serving now; the key to sign in with follows once the sample is loaded)`,
  );

  const keyFile = resolve(args.get('key-file') ?? defaultKeyFile(config));
  const key = await demoAdminKey(app.get(ApiKeyService), keyFile);
  console.log(
    key.reused
      ? `Reusing the admin API key ${key.prefix}… kept in ${keyFile}\n`
      : `Created an admin API key ${key.prefix}…, kept (owner-only) in ${keyFile}\n`,
  );

  console.log(`Generated the demo sources: ${files} export files in ${sources}`);
  console.log('Running them through the pipeline (CSV and ACE JSON connectors):');
  const summary = await runPipeline(app, 'script:demo', consoleProgress());
  console.log('');
  printPipelineSummary(summary);

  const search = `${url}/api/v1/search/opportunities?q=data+warehouse+migration`;
  console.log(`
Open the web app: ${url}/  (sign in with the admin key: ${key.key})

Ready in ${((Date.now() - started) / 1000).toFixed(1)} s  (health: ${url}/health)
API reference: ${url}/api/docs  (OpenAPI document: ${url}/api/docs-json)

Search (paste this):
  curl -s -H "Authorization: Bearer ${key.key}" "${search}"

Without the key the API answers 401. Ctrl-C stops the demo; the data stays in ${where}.
`);
}

/** The analysts' web app, built from this checkout's sources (a second or two). */
function buildWebApp(): void {
  const output = execFileSync('npm', ['run', '-s', 'build:web', '--', '--logLevel', 'error'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const size = /first_page_js_gzip_kb=([\d.]+)/.exec(output)?.[1];
  console.log(`Built the web app${size ? ` (first page: ${size} kB of JavaScript, gzipped)` : ''}`);
}

/** Beside the demo's data: deleting the data directory forgets the key with it. */
function defaultKeyFile(config: CoreConfig): string {
  return config.DATABASE_URL || config.PGLITE_DATA_DIR.startsWith(PGLITE_MEMORY)
    ? '.data/demo-admin.key'
    : join(config.PGLITE_DATA_DIR, 'demo-admin.key');
}

runScript(main);
