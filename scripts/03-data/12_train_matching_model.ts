import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import { MatchingModelService, MatchingModule } from '@revops/matching';
import { createScriptApp, parseArgs, runScript } from '../lib/cli';
import { consoleProgress, printTable } from '../lib/console-progress';

const USAGE = `
Usage: npm run ts -- scripts/03-data/12_train_matching_model.ts

Trains a new version of the matching model on the live records of DATABASE_URL (or the
embedded PGlite database) and stores it in matching.models; the next full match scores
with it. u (how often each comparison level occurs by chance) is estimated from
MATCH_TRAINING_RANDOM_PAIRS random Odoo × ACE pairs; m (how often it occurs among the
same deal) and the priors by expectation–maximisation over every candidate pair, with the
analysts' approved and rejected matches as labels. No other labels are needed. The run is
in ops.job_runs (match:train); refused while a matching run or another training is going.
The same as POST /api/v1/matching/model/train (engineer).

Prints each step's progress, then the new version, what it was trained on and where the
time went. docs/03-guides/matching.md explains the model.

Options:
  --help   this text

Example:
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/revops npm run ts -- scripts/03-data/12_train_matching_model.ts
`;

@Module({ imports: [CoreModule.forRoot('scripts', { http: false }), MatchingModule] })
class TrainScriptModule {}

runScript(async () => {
  parseArgs(process.argv.slice(2), USAGE);
  const app = await createScriptApp(TrainScriptModule);
  try {
    const t = await app.get(MatchingModelService).trainNow('script:12_train_matching_model', consoleProgress()); // prettier-ignore
    console.log('');
    printTable([
      {
        'job run': t.jobRunId,
        version: t.version,
        'odoo × ace': `${t.records.odoo} × ${t.records.ace}`,
        'random pairs': t.randomPairs,
        candidates: t.candidates,
        'labelled (match / not)': `${t.labelled.matches} / ${t.labelled.nonMatches}`,
        'EM iterations': `${t.iterations}${t.converged ? '' : ' (not converged)'}`,
        'expected same deal': t.expected.deal,
        seconds: (Object.values(t.timingsMs).reduce((a, b) => a + b, 0) / 1000).toFixed(1),
      },
    ]);
    console.log(
      `\nThe next full match scores with version ${t.version} ` +
        '(npm run ts -- scripts/03-data/10_match.ts; GET /api/v1/matching/model shows it).',
    );
  } finally {
    await app.close();
  }
});
