import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import { MatchingModelService, MatchingModule, MatchingService } from '@revops/matching';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createScriptApp, fail, parseArgs, positiveInt, runScript } from '../lib/cli';
import { freshBenchDatabase } from '../lib/bench-database';
import { consoleProgress, printTable } from '../lib/console-progress';
import { buildSearchCorpus } from '../lib/search-corpus';
import { groundTruthMatches, metrics } from '../06-evaluation/lib/match-metrics';

const USAGE = `
Usage: npm run bench:matching [-- --odoo 10000 --ace 10000 --url URL]

Generates --odoo Odoo leads and --ace ACE opportunities (40% of the smaller side the same
deal) and takes them through sync → transform → validate → embed with the configured model
(setup, not timed; on 2 cores the ONNX use-lite-en model embeds 20,000 texts in about 7
minutes: EMBEDDING_PROVIDER=transformers EMBEDDING_MODEL=use-lite-en
MODELS_DIR=../shared/models). Then times two phases from a clean slate (no model, no
matches): training a matching model (u from random pairs, m by EM over the candidates),
and a full match with it (candidates, comparisons, scores, one-to-one decisions, matches
and their events written); reports the candidate pairs against the cross product (every
Odoo lead × every ACE opportunity), and times a re-match of 10 changed opportunities. Precision and recall against the generator's ground truth
are printed too. The database named by --url (default BENCH_DATABASE_URL, else
postgres://postgres@127.0.0.1:5432/revops_matching_bench) must end in _bench: it is
dropped and recreated.

Options:
  --odoo N, --ace N   sample size (default 10000 each)
  --url URL           the bench database
  --out DIR           keep the generated files (ground_truth.csv) in DIR
  --reuse             match again on the database and --out DIR of an earlier run
  --help              this text

Last line: RESULT wall_s=… train_s=… match_s=… candidates=… candidate_fraction=… pairs_per_s=…
rematch_ms=… (wall_s: training and match together)
`;

@Module({ imports: [CoreModule.forRoot('scripts', { http: false }), MatchingModule] })
class BenchMatchingModule {}

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const out = args.get('out') ?? mkdtempSync(join(tmpdir(), 'revops-matching-bench-'));
  const fallback = 'postgres://postgres@127.0.0.1:5432/revops_matching_bench';
  try {
    if (args.has('reuse')) {
      if (!args.has('out')) fail('--reuse needs the --out DIR of the earlier run', USAGE);
      process.env.DATABASE_URL = args.get('url') ?? process.env.BENCH_DATABASE_URL ?? fallback;
    } else {
      const odoo = positiveInt(args, 'odoo', 10_000, USAGE);
      const ace = positiveInt(args, 'ace', 10_000, USAGE);
      const corpus = await buildSearchCorpus({
        url: await freshBenchDatabase(args, fallback),
        odoo,
        ace,
        seed: 42,
        out,
      });
      await corpus.close();
    }
    const app = await createScriptApp(BenchMatchingModule);
    try {
      const db = app.get(DataSource);
      const [{ odoo, ace }]: { odoo: number; ace: number }[] = await db.query(
        `SELECT (SELECT count(*)::int FROM core.odoo_opportunities WHERE deleted_at IS NULL) AS odoo,
                (SELECT count(*)::int FROM core.ace_opportunities WHERE deleted_at IS NULL) AS ace`,
      );
      // Timed from a clean slate: no model trained yet, no earlier matches to compare with.
      await db.query('TRUNCATE matching.opportunity_matches, matching.models');
      const matching = app.get(MatchingService);
      console.log(`\nTraining on ${odoo} Odoo leads × ${ace} ACE opportunities…`);
      const trainStarted = performance.now();
      const trained = await app.get(MatchingModelService).trainNow('script:bench-matching', consoleProgress()); // prettier-ignore
      const trainS = (performance.now() - trainStarted) / 1000;
      console.log(`\nMatching with model ${trained.version}…`);
      const started = performance.now();
      const run = await matching.matchAll('script:bench-matching', consoleProgress());
      const matchS = (performance.now() - started) / 1000;
      const wallS = trainS + matchS;

      const changed: { id: string; source: string }[] = await db.query(
        `(SELECT ace_id AS id, 'ace' AS source FROM core.ace_opportunities ORDER BY ace_id LIMIT 5)
         UNION ALL
         (SELECT odoo_id::text, 'odoo' FROM core.odoo_opportunities ORDER BY odoo_id LIMIT 5)`,
      );
      const rematchStarted = performance.now();
      const rematch = await matching.matchChanged(
        {
          ace: changed.filter((c) => c.source === 'ace').map((c) => c.id),
          odoo: changed.filter((c) => c.source === 'odoo').map((c) => c.id),
        },
        'script:bench-matching',
      );
      const rematchMs = performance.now() - rematchStarted;

      const links: { pair: string }[] = await db.query(
        `SELECT ace_id || ':' || odoo_id AS pair FROM matching.opportunity_matches
          WHERE status IN ('auto_linked', 'proposed')`,
      );
      const quality = metrics(
        links.map((l) => l.pair),
        { matches: groundTruthMatches(join(out, 'ground_truth.csv')), excluded: new Set() },
      );
      const cross = odoo * ace;
      const fraction = run.candidates / cross;
      console.log('');
      printTable([
        { measure: 'training + full match', value: `${wallS.toFixed(1)} s` },
        { measure: 'training', value: `${trainS.toFixed(1)} s` },
        { measure: 'of which: records / u (random pairs) / candidates / EM', value: `${trained.timingsMs.records} / ${trained.timingsMs.u} / ${trained.timingsMs.candidates} / ${trained.timingsMs.em} ms` }, // prettier-ignore
        { measure: 'full match', value: `${matchS.toFixed(1)} s` },
        { measure: 'of which: candidates / comparisons and scores / decisions saved', value: `${run.timingsMs.candidates} / ${run.timingsMs.score} / ${run.timingsMs.save} ms` }, // prettier-ignore
        { measure: 'ACE opportunities decided', value: run.aceOpportunities },
        { measure: 'candidate pairs (scored)', value: run.candidates },
        { measure: 'cross product', value: cross },
        { measure: 'candidate fraction', value: fraction.toExponential(2) },
        { measure: 'pairs scored per second (full match)', value: Math.round(run.candidates / matchS) }, // prettier-ignore
        { measure: 'auto-linked / proposed', value: `${run.autoLinked} / ${run.proposed}` },
        { measure: `re-match of 10 changed (${rematch.aceOpportunities} ACE decided)`, value: `${rematchMs.toFixed(0)} ms` }, // prettier-ignore
        { measure: 'precision / recall vs ground truth (redactions and holds included)', value: `${quality.precision.toFixed(3)} / ${quality.recall.toFixed(3)}` }, // prettier-ignore
      ]);
      console.log(
        `\nRESULT wall_s=${wallS.toFixed(1)} train_s=${trainS.toFixed(1)} match_s=${matchS.toFixed(1)} ` + // prettier-ignore
          `candidates=${run.candidates} ` +
          `candidate_fraction=${fraction.toExponential(2)} ` +
          `pairs_per_s=${Math.round(run.candidates / matchS)} rematch_ms=${rematchMs.toFixed(0)}`,
      );
    } finally {
      await app.close();
    }
  } finally {
    if (!args.has('out')) rmSync(out, { recursive: true, force: true });
  }
});
