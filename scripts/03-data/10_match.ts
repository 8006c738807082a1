import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import { MatchingModule, MatchingService } from '@revops/matching';
import { createScriptApp, fail, parseArgs, runScript } from '../lib/cli';
import { consoleProgress, printTable } from '../lib/console-progress';

const USAGE = `
Usage: npm run ts -- scripts/03-data/10_match.ts [--ace ID,…] [--odoo ID,…]

Odoo ↔ ACE matching against DATABASE_URL (or the embedded PGlite database), scored by the
newest trained matching model (12_train_matching_model.ts); when none is trained yet, a
full match trains the first one itself, with progress. Without options, a full re-match:
candidates for every live opportunity, a score per pair with every comparison's
contribution, one-to-one decisions at MATCH_REVIEW_PROBABILITY (proposed for review) and
MATCH_AUTO_LINK_PROBABILITY (auto-linked); approved and rejected matches
are kept as the analysts left them. With --ace/--odoo, only what those changed
opportunities can affect is decided again. Redacted (national-security) ACE opportunities
are listed as unmatchable. The run is in ops.job_runs (match:opportunities or
match:changed); refused while another matching run or a training is going.

Options:
  --ace ID,…    ACE opportunity ids that changed
  --odoo ID,…   Odoo lead ids that changed
  --help        this text

Example:
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/revops npm run ts -- scripts/03-data/10_match.ts
`;

@Module({ imports: [CoreModule.forRoot('scripts', { http: false }), MatchingModule] })
class MatchScriptModule {}

const ids = (value: string | undefined): string[] =>
  value === undefined
    ? []
    : value
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const changed = { ace: ids(args.get('ace')), odoo: ids(args.get('odoo')) };
  if (changed.odoo.some((id) => !/^\d+$/.test(id))) fail('--odoo takes Odoo lead ids (numbers)');
  const app = await createScriptApp(MatchScriptModule);
  try {
    const matching = app.get(MatchingService);
    const summary =
      changed.ace.length + changed.odoo.length > 0
        ? await matching.matchChanged(changed, 'script:10_match')
        : await matching.matchAll('script:10_match', consoleProgress());
    console.log('');
    if (summary.training) {
      console.log(
        `No model was trained yet: trained version ${summary.training.version} on ` +
          `${summary.training.candidates} candidate pairs first (EM ${summary.training.iterations} iterations).\n`,
      );
    }
    printTable([
      {
        'job run': summary.jobRunId,
        'model version': summary.modelVersion ?? 'default',
        'ACE decided': summary.aceOpportunities,
        candidates: summary.candidates,
        'auto-linked': summary.autoLinked,
        proposed: summary.proposed,
        created: summary.created,
        updated: summary.updated,
        superseded: summary.superseded,
        unchanged: summary.unchanged,
        'unmatchable: redacted': summary.unmatchableRedacted,
      },
    ]);
    console.log(
      '\nReview queue: GET /api/v1/matches?status=proposed; every match explains its score ' +
        '(GET /api/v1/matches/{id}).',
    );
  } finally {
    await app.close();
  }
});
