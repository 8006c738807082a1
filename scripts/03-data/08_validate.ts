import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import { ValidationModule, ValidationService } from '@revops/validation';
import { createScriptApp, parseArgs, runScript } from '../lib/cli';
import { consoleProgress, printTable } from '../lib/console-progress';

const USAGE = `
Usage: npm run ts -- scripts/03-data/08_validate.ts

Runs every data-quality rule over CORE (required fields, references, formats, ranges,
cross-record consistency, duplicates) against DATABASE_URL (or the embedded PGlite
database). Prints progress, then one line per rule with its severity, the number of
offending rows and a few of their ids. Rows failing an error rule are held back from
search and matching (ops.validation_holds) until a later run finds them clean. The run is
in ops.job_runs (job validate); its results in ops.validation_results, also at
GET /api/v1/validate/runs/{id}.

Options:
  --help          this text

Example:
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/revops npm run ts -- scripts/03-data/08_validate.ts
`;

@Module({ imports: [CoreModule.forRoot('scripts', { http: false }), ValidationModule] })
class ValidateScriptModule {}

runScript(async () => {
  parseArgs(process.argv.slice(2), USAGE);
  const app = await createScriptApp(ValidateScriptModule);
  try {
    const validation = app.get(ValidationService);
    const summary = await validation.run('script:08_validate', consoleProgress());
    const report = await validation.report(summary.jobRunId);
    console.log('');
    printTable(
      report.results.map((r) => ({
        rule: r.ruleId,
        severity: r.severity,
        rows: r.violations,
        'sample ids': r.sampleIds.slice(0, 5).join(' '),
      })),
    );
    console.log(
      `\nvalidation run ${summary.jobRunId}: ${summary.rulesChecked} rules, ` +
        `${summary.failingErrorRules} error and ${summary.failingWarningRules} warning rules found problems; ` +
        `${summary.heldBack} rows held back from search and matching ` +
        `(${summary.newlyHeld} newly, ${summary.released} released).`,
    );
  } finally {
    await app.close();
  }
});
