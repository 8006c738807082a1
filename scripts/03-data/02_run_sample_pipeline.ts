import 'reflect-metadata';

import { Module } from '@nestjs/common';
import { runPipeline } from '@revops/api';
import { CoreModule } from '@revops/core';
import { EmbeddingModule } from '@revops/embedding';
import { IngestionModule } from '@revops/ingestion';
import { MatchingModule } from '@revops/matching';
import { TransformationModule } from '@revops/transformation';
import { ValidationModule } from '@revops/validation';
import { resolve } from 'node:path';
import { createScriptApp, parseArgs, runScript } from '../lib/cli';
import { consoleProgress } from '../lib/console-progress';
import { DEMO_SOURCES, useDemoSources } from '../lib/demo-sources';
import { printPipelineSummary } from '../lib/pipeline-summary';

const USAGE = `
Usage: npm run ts -- scripts/03-data/02_run_sample_pipeline.ts [--sources .data/demo-sources]

Generates the demo's sources with the sample-source generator (${DEMO_SOURCES.odoo} Odoo leads,
${DEMO_SOURCES.ace} ACE opportunities, ${DEMO_SOURCES.shared} deals in both) as Odoo's CSV export and ACE
JSON files, and runs them through ingestion (the CSV and ACE JSON connectors, into RAW),
transformation (CORE) and embedding (search) against DATABASE_URL, or the embedded PGlite
database when it is unset: what the demo loads. Each step only does what changed, so a
second run reports everything unchanged. Prints progress and a summary; runs are recorded
in ops.sync_runs and ops.job_runs.

Options:
  --sources DIR   where the export files go (default: .data/demo-sources)
  --help          this text

Example:
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/revops npm run ts -- scripts/03-data/02_run_sample_pipeline.ts
`;

/** The pipeline's steps without the all-in-one's HTTP edge and schedules: a script serves nothing. */
@Module({
  imports: [
    CoreModule.forRoot('scripts', { http: false }),
    IngestionModule,
    TransformationModule,
    ValidationModule,
    EmbeddingModule,
    MatchingModule,
  ],
})
class SamplePipelineScriptModule {}

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  await useDemoSources(resolve(args.get('sources') ?? '.data/demo-sources'));
  const app = await createScriptApp(SamplePipelineScriptModule);
  try {
    const summary = await runPipeline(app, 'script:02_run_sample_pipeline', consoleProgress());
    console.log('');
    printPipelineSummary(summary);
  } finally {
    await app.close();
  }
});
