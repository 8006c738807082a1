import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import {
  ApiKeyService,
  configureHttpApp,
  ConfigValidationException,
  CoreConfig,
  createLogger,
  loadConfig,
  WinstonNestLogger,
} from '@revops/core';
import { AllInOneModule, runPipeline } from '@revops/api';
import { resolve } from 'node:path';
import { fail, parseArgs } from '../lib/cli';
import { consoleProgress } from '../lib/console-progress';
import { DEMO_SOURCES, useDemoSources } from '../lib/demo-sources';
import { printPipelineSummary } from '../lib/pipeline-summary';

const USAGE = `
Usage: npm run demo [-- --port 3000 --data-dir .data/pglite --sources .data/demo-sources]

Starts the whole platform in one process on the embedded PGlite database (no server,
Docker or network needed), creates an admin API key, generates a small Odoo and ACE
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
  --help           this text

With DATABASE_URL set, the demo uses that PostgreSQL database instead.
`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), USAGE);
  if (args.has('data-dir')) process.env.PGLITE_DATA_DIR = args.get('data-dir');
  const sources = resolve(args.get('sources') ?? '.data/demo-sources');
  const files = await useDemoSources(sources);
  process.env.PORT = args.get('port') ?? process.env.PORT ?? '3000';
  process.env.LOG_LEVEL ??= 'warn';
  process.env.LOG_FORMAT ??= 'pretty';

  let config: CoreConfig;
  try {
    config = loadConfig(CoreConfig);
  } catch (error) {
    if (error instanceof ConfigValidationException) fail(error.message);
    throw error;
  }
  const started = Date.now();
  const where = config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : config.PGLITE_DATA_DIR;
  console.log(`RevOps demo: starting all six services in one process (database: ${where})`);

  const logger = new WinstonNestLogger(createLogger('demo', config.LOG_LEVEL, config.LOG_FORMAT));
  const app = configureHttpApp(await NestFactory.create(AllInOneModule, { logger }));
  await app.listen(config.PORT ?? 3000, config.HOST);
  const url = `http://localhost:${config.PORT ?? 3000}`;

  const key = await app
    .get(ApiKeyService)
    .create(`demo-admin-${new Date().toISOString()}`, 'admin', 'script:demo');
  console.log(`Created admin API key ${key.prefix}… (shown once, below)\n`);

  console.log(`Generated the demo sources: ${files} export files in ${sources}`);
  console.log('Running them through the pipeline (CSV and ACE JSON connectors):');
  const summary = await runPipeline(app, 'script:demo', consoleProgress());
  console.log('');
  printPipelineSummary(summary);

  const search = `${url}/api/v1/search/opportunities?q=data+warehouse+migration`;
  console.log(`
Ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${url}  (health: ${url}/health)

Search (paste this):
  curl -s -H "Authorization: Bearer ${key.key}" "${search}"

Without the key the API answers 401. Ctrl-C stops the demo; the data stays in ${where}.
`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
