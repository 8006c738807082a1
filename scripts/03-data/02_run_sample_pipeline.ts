import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CoreConfig, createLogger, WinstonNestLogger } from '@revops/core';
import { AllInOneModule, runSamplePipeline } from '@revops/api';
import { resolve } from 'node:path';
import { configOrExit, parseArgs, runScript } from '../lib/cli';
import { consoleProgress } from '../lib/console-progress';
import { printPipelineSummary } from '../lib/pipeline-summary';

const USAGE = `
Usage: npm run ts -- scripts/03-data/02_run_sample_pipeline.ts [--samples data/samples]

Runs sample files through ingestion (RAW), transformation (CORE) and embedding (search)
against DATABASE_URL, or the embedded PGlite database when it is unset. Each step only
does what changed, so a second run reports everything unchanged. Prints progress and a
summary; runs are recorded in ops.sync_runs and ops.job_runs.

Options:
  --samples DIR   folder with odoo/*.json and ace/opportunities.json (default: data/samples)
  --help          this text

Example:
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/revops npm run ts -- scripts/03-data/02_run_sample_pipeline.ts
`;

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const config = configOrExit(CoreConfig);
  const logger = new WinstonNestLogger(
    createLogger('scripts', process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn', config.LOG_FORMAT),
  );
  const app = await NestFactory.createApplicationContext(AllInOneModule, { logger });
  try {
    const summary = await runSamplePipeline(
      app,
      resolve(args.get('samples') ?? 'data/samples'),
      'script:02_run_sample_pipeline',
      consoleProgress(),
    );
    console.log('');
    printPipelineSummary(summary);
  } finally {
    await app.close();
  }
});
