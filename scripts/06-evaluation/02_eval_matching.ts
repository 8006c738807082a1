import 'reflect-metadata';
import { INestApplicationContext, Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import {
  assign,
  estimateWeights,
  MatchingConfig,
  MatchingModule,
  MatchingService,
  observe,
  pairKey,
} from '@revops/matching';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createScriptApp, fail, parseArgs, positiveInt, runScript } from '../lib/cli';
import { freshBenchDatabase } from '../lib/bench-database';
import { consoleProgress, printTable } from '../lib/console-progress';
import { buildSearchCorpus } from '../lib/search-corpus';
import {
  candidateRecall,
  groundTruthMatches,
  Labels,
  metrics,
  thresholdSweep,
} from './lib/match-metrics';

const USAGE = `
Usage: npm run eval:matching [-- --odoo 2000 --ace 1500 --seed 42 --url URL]

Generates the sample sources (default 2,000 Odoo leads / 1,500 ACE opportunities, 600 of
them the same deal), takes them through sync → transform → validate → embed with the
configured model, runs a full match with the configured weights and thresholds, and
compares the links with the labels:
  ground truth (default)  the generator's ground_truth.csv (kind "match")
  --labels decisions      the analysts' decisions in the database: approved pairs are
                          matches, rejected ones are not; only decided pairs count
Pairs matching leaves out by design are reported and left out of recall: an ACE
national-security redaction ("unmatchable: redacted"), and a side held back by validation
(ops.validation_holds; matched once its errors are fixed).

Prints precision, recall and F1 of the links at the configured thresholds (review and
auto-link), the recall of the candidate stage, and the review threshold that maximises F1.

Options:
  --odoo N, --ace N         sample size (default 2000, 1500)
  --seed N                  generator seed (default 42)
  --url URL                 the database, dropped and recreated: its name must end in
                            _bench (default BENCH_DATABASE_URL, else
                            postgres://postgres@127.0.0.1:5432/revops_matching_eval_bench)
  --out DIR                 keep the generated files (ground_truth.csv) in DIR
  --reuse                   evaluate the database and --out DIR of an earlier run as they are
  --labels ground-truth|decisions
  --estimate-weights FILE   also estimate log-odds weights from the labelled candidate
                            pairs and write them to FILE (for MATCH_WEIGHTS_FILE)
  --help                    this text

Last line: RESULT precision=… recall=… f1=… candidate_recall=… (at the review threshold).
`;

@Module({ imports: [CoreModule.forRoot('scripts'), MatchingModule] })
class MatchingEvalModule {}

async function prepare(args: Map<string, string>, out: string): Promise<void> {
  const fallback = 'postgres://postgres@127.0.0.1:5432/revops_matching_eval_bench';
  if (args.has('reuse')) {
    if (!args.has('out')) fail('--reuse needs the --out DIR of the earlier run', USAGE);
    process.env.DATABASE_URL = args.get('url') ?? process.env.BENCH_DATABASE_URL ?? fallback;
    return;
  }
  const corpus = await buildSearchCorpus({
    url: await freshBenchDatabase(args, fallback),
    odoo: positiveInt(args, 'odoo', 2000, USAGE),
    ace: positiveInt(args, 'ace', 1500, USAGE),
    seed: positiveInt(args, 'seed', 42, USAGE),
    out,
  });
  await corpus.close();
}

async function labelsFrom(
  app: INestApplicationContext,
  kind: string,
  out: string,
): Promise<Labels & { negatives: Set<string> | null }> {
  const db = app.get(DataSource);
  const ids = async (sql: string) => new Set((await db.query<{ id: string }[]>(sql)).map((r) => r.id)); // prettier-ignore
  const redactedAce = await ids(
    'SELECT ace_id AS id FROM core.ace_opportunities WHERE is_national_security',
  );
  const held = await ids(
    `SELECT CASE entity WHEN 'ace-opportunities' THEN 'ace:' ELSE 'odoo:' END || record_id AS id
       FROM ops.validation_holds`,
  );
  let matches: Set<string>;
  let negatives: Set<string> | null = null;
  if (kind === 'decisions') {
    const rows: { pair: string; status: string }[] = await db.query(
      `SELECT ace_id || ':' || odoo_id AS pair, status FROM matching.opportunity_matches
        WHERE status IN ('approved', 'rejected')`,
    );
    matches = new Set(rows.filter((r) => r.status === 'approved').map((r) => r.pair));
    negatives = new Set(rows.filter((r) => r.status === 'rejected').map((r) => r.pair));
  } else if (kind === 'ground-truth') {
    matches = groundTruthMatches(join(out, 'ground_truth.csv'));
  } else {
    fail('--labels must be ground-truth or decisions', USAGE);
  }
  const [redacted, heldBack] = [
    [...matches].filter((p) => redactedAce.has(p.split(':')[0])),
    [...matches].filter((p) => held.has(`ace:${p.split(':')[0]}`) || held.has(`odoo:${p.split(':')[1]}`)), // prettier-ignore
  ];
  console.log(
    `${matches.size} labelled matches; left out of recall: ${redacted.length} redacted ` +
      `(unmatchable: redacted), ${heldBack.length} held back by validation`,
  );
  return { matches, excluded: new Set([...redacted, ...heldBack]), negatives };
}

const f3 = (x: number) => x.toFixed(3);

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const out = args.get('out') ?? mkdtempSync(join(tmpdir(), 'revops-matching-eval-'));
  try {
    await prepare(args, out);
    const app = await createScriptApp(MatchingEvalModule);
    try {
      const matching = app.get(MatchingService);
      const config = app.get(MatchingConfig);
      const labels = await labelsFrom(app, args.get('labels') ?? 'ground-truth', out);
      // With decisions as labels, only decided pairs are judged, and the stored matches (the
      // decisions themselves) are left alone: the links the thresholds make are simulated.
      const byDecisions = labels.negatives !== null;
      const isJudged = (pair: string) =>
        !labels.negatives || labels.matches.has(pair) || labels.negatives.has(pair);
      console.log('\nMatching…');
      if (!byDecisions) await matching.matchAll('script:eval-matching', consoleProgress());
      const { candidates, features, scored, modelId } = await matching.scoreCandidates({
        side: 'ace',
        ids: null,
      });
      const links: { pair: string; status: string }[] = byDecisions
        ? assign(scored, {
            reviewAt: config.MATCH_REVIEW_PROBABILITY,
            autoLinkAt: config.MATCH_AUTO_LINK_PROBABILITY,
          }).map((a) => ({ pair: pairKey(a.aceId, a.odooId), status: a.status }))
        : await app.get(DataSource).query(
            `SELECT ace_id || ':' || odoo_id AS pair, status FROM matching.opportunity_matches
              WHERE status IN ('auto_linked', 'proposed', 'approved')`,
          );
      const judged = (pairs: string[]) => pairs.filter(isJudged);
      const atReview = metrics(judged(links.map((l) => l.pair)), labels);
      const autoOnly = metrics(
        judged(links.filter((l) => l.status !== 'proposed').map((l) => l.pair)),
        labels,
      );
      const sweep = thresholdSweep(
        scored.filter((p) => isJudged(pairKey(p.aceId, p.odooId))),
        labels,
      );
      const recallOfCandidates = candidateRecall(candidates.keys(), labels);
      console.log(
        `\n${candidates.size} candidate pairs for ${new Set(scored.map((p) => p.aceId)).size} ` +
          `ACE opportunities; model ${modelId ?? 'none'}.`,
      );
      printTable([
        { links: `auto-linked + proposed (p ≥ ${config.MATCH_REVIEW_PROBABILITY})`, count: atReview.predicted, correct: atReview.correct, precision: f3(atReview.precision), recall: f3(atReview.recall), F1: f3(atReview.f1) }, // prettier-ignore
        { links: `auto-linked only (p ≥ ${config.MATCH_AUTO_LINK_PROBABILITY})`, count: autoOnly.predicted, correct: autoOnly.correct, precision: f3(autoOnly.precision), recall: f3(autoOnly.recall), F1: f3(autoOnly.f1) }, // prettier-ignore
        { links: `best review threshold (p ≥ ${sweep.best.threshold})`, count: sweep.best.predicted, correct: sweep.best.correct, precision: f3(sweep.best.precision), recall: f3(sweep.best.recall), F1: f3(sweep.best.f1) }, // prettier-ignore
      ]);
      console.log(
        `candidate recall: ${f3(recallOfCandidates.recall)}` +
          (recallOfCandidates.missed.length
            ? `; missed (ace:odoo): ${recallOfCandidates.missed.slice(0, 10).join(' ')}`
            : ''),
      );
      const estimateTo = args.get('estimate-weights');
      if (estimateTo) {
        const training = features
          .filter((f) => isJudged(pairKey(f.aceId, f.odooId)))
          .map((f) => ({
            observations: observe(f),
            match: labels.matches.has(pairKey(f.aceId, f.odooId)),
          }));
        const weights = estimateWeights(training);
        writeFileSync(estimateTo, `${JSON.stringify(weights, null, 2)}\n`);
        console.log(`weights estimated from ${training.length} labelled pairs → ${estimateTo}`);
      }
      console.log(
        `\nRESULT precision=${f3(atReview.precision)} recall=${f3(atReview.recall)} ` +
          `f1=${f3(atReview.f1)} candidate_recall=${f3(recallOfCandidates.recall)} ` +
          `best_threshold=${sweep.best.threshold} best_f1=${f3(sweep.best.f1)}`,
      );
    } finally {
      await app.close();
    }
  } finally {
    if (!args.has('out')) rmSync(out, { recursive: true, force: true });
  }
});
