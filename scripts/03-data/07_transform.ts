import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import { TransformationModule, TransformationService } from '@revops/transformation';
import { createScriptApp, parseArgs, runScript } from '../lib/cli';
import { consoleProgress, printTable } from '../lib/console-progress';

const USAGE = `
Usage: npm run ts -- scripts/03-data/07_transform.ts

RAW → CORE for every opportunity whose RAW inputs changed since its last transform (the
lead, or any partner, user, team, stage or country it shows; the ACE opportunity): Odoo,
then ACE, in batches of 1,000, against DATABASE_URL (or the embedded PGlite database);
then the customers' AWS accounts and the companies across both sources, written where
they changed. Unchanged rows are not touched, so a second run reports 0. Prints progress
and a summary (rows written per entity); the run, with its counts, is in ops.job_runs
(job transform:opportunities).

Options:
  --help          this text

Example:
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/revops npm run ts -- scripts/03-data/07_transform.ts
`;

@Module({ imports: [CoreModule.forRoot('scripts', { http: false }), TransformationModule] })
class TransformScriptModule {}

runScript(async () => {
  parseArgs(process.argv.slice(2), USAGE);
  const app = await createScriptApp(TransformScriptModule);
  try {
    const started = Date.now();
    const result = await app
      .get(TransformationService)
      .transformAll('script:07_transform', consoleProgress());
    const seconds = (Date.now() - started) / 1000;
    const total = result.odooOpportunities + result.aceOpportunities;
    console.log('');
    const changed = (c?: { inserted: number; updated: number; deleted: number }) =>
      c ? c.inserted + c.updated + c.deleted : 0;
    printTable([
      {
        'job run': result.jobRunId,
        'odoo opportunities': result.odooOpportunities,
        'ace opportunities': result.aceOpportunities,
        quarantined:
          (result.quarantined?.odooOpportunities ?? 0) +
          (result.quarantined?.aceOpportunities ?? 0),
        'aws accounts': changed(result.awsAccounts),
        companies: changed(result.companies),
        'company links': changed(result.companies?.links),
        seconds: seconds.toFixed(1),
        'rows/s': Math.round(total / Math.max(seconds, 0.001)),
      },
    ]);
    if (
      (result.quarantined?.odooOpportunities ?? 0) + (result.quarantined?.aceOpportunities ?? 0) >
      0
    ) {
      // prettier-ignore
      console.log(
        "\nRows the transform could not take are in ops.quarantine (stage 'transform', with the " +
          'reason); they are tried again once their source row changes.',
      );
    }
  } finally {
    await app.close();
  }
});
