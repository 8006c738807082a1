import 'reflect-metadata';
import { INestApplicationContext, Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import {
  assign,
  MatchingConfig,
  MatchingModelService,
  MatchingModule,
  MatchingService,
  MatchPairsService,
  Observation,
  PairScorer,
  pairKey,
  ScoredPair,
  splitPairKey,
} from '@revops/matching';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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
  Metrics,
  metrics,
  thresholdSweep,
} from './lib/match-metrics';
import { blockingTable, recallByClass, worstMistakes } from './lib/match-report';

const USAGE = `
Usage: npm run eval:matching [-- --dataset DIR | --odoo 2000 --ace 1500 --seed 42] [options]

Takes a labelled data set through the real pipeline — sync → transform → validate → embed →
train → match — and compares the links with the labels:
  --dataset DIR   a folder of Odoo CSV exports (odoo/<model>.csv), ACE JSON files (ace/*.json)
                  and ground_truth.csv (odoo_id,ace_id,kind; kind "match" is a true pair),
                  e.g. from scripts/03-data/11_build_matching_dataset.ts
  otherwise       the sample generator's sources (default 2,000 Odoo leads, 1,500 ACE
                  opportunities, 600 the same deal) and its ground_truth.csv
The model is trained on the data set without labels (u from random pairs, m by EM), unless
--no-train. With --labels decisions the analysts' decisions in the database are the labels
(approved: match, rejected: not; only decided pairs count) and the stored matches are left
alone. Pairs matching leaves out by design are reported and left out of recall: an ACE
national-security redaction, and a side held back by validation.

Prints precision, recall and F1 of the links at the configured thresholds (review and
auto-link) next to the precision the model expects (the links' mean probability), the
best review threshold, each candidate rule's pairs and true pairs, recall by class of true
pair, and the 10 worst false positives and false negatives with every comparison.

Options:
  --dataset DIR             evaluate this data set (see above)
  --odoo N, --ace N         generated sample size (default 2000, 1500)
  --seed N                  generator seed (default 42)
  --url URL                 the database, dropped and recreated: its name must end in
                            _bench (default BENCH_DATABASE_URL, else
                            postgres://postgres@127.0.0.1:5432/revops_matching_eval_bench)
  --out DIR                 keep the generated files (ground_truth.csv) in DIR
  --reuse                   evaluate the database of an earlier run as it is (with
                            --dataset DIR or --out DIR for its ground truth)
  --no-train                match with the newest stored model (else the shipped default)
  --labels ground-truth|decisions
  --help                    this text

Last line: RESULT precision=… recall=… f1=… auto_precision=… auto_recall=…
candidate_recall=… expected_precision=… best_threshold=… best_f1=…
`;

@Module({ imports: [CoreModule.forRoot('scripts', { http: false }), MatchingModule] })
class MatchingEvalModule {}

async function prepare(args: Map<string, string>, out: string): Promise<void> {
  const fallback = 'postgres://postgres@127.0.0.1:5432/revops_matching_eval_bench';
  if (args.has('reuse')) {
    if (!existsSync(join(out, 'ground_truth.csv'))) {
      fail('--reuse needs the --dataset DIR or --out DIR of the earlier run', USAGE);
    }
    process.env.DATABASE_URL = args.get('url') ?? process.env.BENCH_DATABASE_URL ?? fallback;
    return;
  }
  const dataset = args.get('dataset');
  if (dataset && !existsSync(join(dataset, 'ground_truth.csv'))) {
    fail(`--dataset ${dataset}: no ground_truth.csv there`, USAGE);
  }
  const corpus = await buildSearchCorpus({
    url: await freshBenchDatabase(args, fallback),
    odoo: positiveInt(args, 'odoo', 2000, USAGE),
    ace: positiveInt(args, 'ace', 1500, USAGE),
    seed: positiveInt(args, 'seed', 42, USAGE),
    out,
    filesDir: dataset,
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
    [...matches].filter((p) => redactedAce.has(splitPairKey(p).aceId)),
    [...matches].filter((p) => held.has(`ace:${splitPairKey(p).aceId}`) || held.has(`odoo:${splitPairKey(p).odooId}`)), // prettier-ignore
  ];
  console.log(
    `${matches.size} labelled matches; left out of recall: ${redacted.length} redacted ` +
      `(unmatchable: redacted), ${heldBack.length} held back by validation`,
  );
  return { matches, excluded: new Set([...redacted, ...heldBack]), negatives };
}

const f3 = (x: number) => x.toFixed(3);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 1);

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const out =
    args.get('dataset') ?? args.get('out') ?? mkdtempSync(join(tmpdir(), 'revops-matching-eval-'));
  try {
    await prepare(args, out);
    const app = await createScriptApp(MatchingEvalModule);
    try {
      const matching = app.get(MatchingService);
      const config = app.get(MatchingConfig);
      const labels = await labelsFrom(app, args.get('labels') ?? 'ground-truth', out);
      if (!args.has('no-train')) {
        console.log('\nTraining the matching model (no labels but the analysts’ decisions)…');
        const t = await app.get(MatchingModelService).trainNow('script:eval-matching', consoleProgress()); // prettier-ignore
        console.log(
          `model version ${t.version}: ${t.candidates} candidate pairs, ${t.randomPairs} random pairs, ` +
            `EM ${t.iterations} iterations (${t.converged ? 'converged' : 'not converged'}), ` +
            `expected ${t.expected.deal} same-deal and ${t.expected.otherDeal} other-deal pairs; ` +
            `${Object.entries(t.timingsMs).map(([k, v]) => `${k} ${v} ms`).join(', ')}`, // prettier-ignore
        );
      }
      // With decisions as labels, only decided pairs are judged, and the stored matches (the
      // decisions themselves) are left alone: the links the thresholds make are simulated.
      const byDecisions = labels.negatives !== null;
      const isJudged = (pair: string) =>
        !labels.negatives || labels.matches.has(pair) || labels.negatives.has(pair);
      console.log('\nMatching…');
      if (!byDecisions) await matching.matchAll('script:eval-matching', consoleProgress());
      const { candidates, observations, scored, context, model, embedding } =
        await matching.scoreCandidates(null);
      const links: { pair: string; status: string }[] = byDecisions
        ? assign(scored, {
            reviewAt: config.MATCH_REVIEW_PROBABILITY,
            autoLinkAt: config.MATCH_AUTO_LINK_PROBABILITY,
          }).map((a) => ({ pair: pairKey(a.aceId, a.odooId), status: a.status }))
        : await app.get(DataSource).query(
            `SELECT ace_id || ':' || odoo_id AS pair, status FROM matching.opportunity_matches
              WHERE status IN ('auto_linked', 'proposed', 'approved')`,
          );
      const scoredBy = new Map<string, ScoredPair>(scored.map((p) => [pairKey(p.aceId, p.odooId), p])); // prettier-ignore
      const observed = new Map<string, Observation[]>(
        [...candidates.keys()].map((key, i) => [key, observations[i]]),
      );
      // True pairs that were no candidate are read too, for their class and the mistakes.
      const missing = [...labels.matches].filter((p) => !observed.has(p) && context.ace.has(splitPairKey(p).aceId) && context.odoo.has(splitPairKey(p).odooId)); // prettier-ignore
      const pairs = app.get(MatchPairsService);
      const scorer = new PairScorer(model.parameters, context.tf);
      (await pairs.observe(context, missing, embedding)).forEach((o, i) => {
        observed.set(missing[i], o);
        const { score, probability, contributions } = scorer.score(o);
        const explanation = { modelVersion: model.version, contributions, foundBy: [] };
        scoredBy.set(missing[i], { ...splitPairKey(missing[i]), score, probability, explanation });
      });

      const judged = (list: string[]) => list.filter(isJudged);
      const expected = (list: string[]) => mean(list.map((p) => scoredBy.get(p)?.probability ?? 1)); // prettier-ignore
      const atReviewPairs = judged(links.map((l) => l.pair));
      const autoPairs = judged(links.filter((l) => l.status !== 'proposed').map((l) => l.pair));
      const atReview = metrics(atReviewPairs, labels);
      const autoOnly = metrics(autoPairs, labels);
      const sweep = thresholdSweep(scored.filter((p) => isJudged(pairKey(p.aceId, p.odooId))), labels); // prettier-ignore
      const recallOfCandidates = candidateRecall(candidates.keys(), labels);
      console.log(
        `\n${candidates.size} candidate pairs (${(candidates.size / context.pairsTotal).toExponential(2)} of ${context.pairsTotal}) ` + // prettier-ignore
          `for ${context.ace.size} ACE × ${context.odoo.size} Odoo opportunities; matching model ` +
          `${model.version ?? 'default'}, embedding model ${embedding?.id ?? 'none'}.\n`,
      );
      const row = (links: string, m: Metrics, est: number) => ({ links, count: m.predicted, correct: m.correct, precision: f3(m.precision), 'expected precision': f3(est), recall: f3(m.recall), F1: f3(m.f1) }); // prettier-ignore
      printTable([
        row(`auto-linked + proposed (p ≥ ${config.MATCH_REVIEW_PROBABILITY})`, atReview, expected(atReviewPairs)), // prettier-ignore
        row(`auto-linked only (p ≥ ${config.MATCH_AUTO_LINK_PROBABILITY})`, autoOnly, expected(autoPairs)), // prettier-ignore
        row(`best review threshold (p ≥ ${sweep.best.threshold})`, sweep.best, NaN),
      ]);
      console.log(`\ncandidate recall: ${f3(recallOfCandidates.recall)} (${recallOfCandidates.missed.length} true pairs never candidates)\n`); // prettier-ignore
      printTable(blockingTable(candidates, labels));
      console.log('');
      const linkedSet = new Set(atReviewPairs);
      printTable(recallByClass(labels, linkedSet, candidates, observed));
      const worst = worstMistakes(labels, atReviewPairs, scoredBy, observed, context, isJudged);
      console.log(`\nWorst false positives (linked, not true; highest probability first):\n${worst.falsePositives.join('\n') || '  none'}`); // prettier-ignore
      console.log(`\nWorst false negatives (true, not linked; lowest probability first):\n${worst.falseNegatives.join('\n') || '  none'}`); // prettier-ignore
      console.log(
        `\nRESULT precision=${f3(atReview.precision)} recall=${f3(atReview.recall)} ` +
          `f1=${f3(atReview.f1)} auto_precision=${f3(autoOnly.precision)} ` +
          `auto_recall=${f3(autoOnly.recall)} candidate_recall=${f3(recallOfCandidates.recall)} ` +
          `expected_precision=${f3(expected(atReviewPairs))} ` +
          `best_threshold=${sweep.best.threshold} best_f1=${f3(sweep.best.f1)}`,
      );
    } finally {
      await app.close();
    }
  } finally {
    if (!args.has('out') && !args.has('dataset')) rmSync(out, { recursive: true, force: true });
  }
});
