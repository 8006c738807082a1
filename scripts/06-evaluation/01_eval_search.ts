import 'reflect-metadata';
import { INestApplicationContext, Module } from '@nestjs/common';
import { SearchModule } from '@revops/api';
import { CoreModule } from '@revops/core';
import { searchQuery, SearchMode, SEARCH_MODES } from '@revops/api/search/search-query.dto';
import { SearchService } from '@revops/api/search/search.service';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createScriptApp, fail, parseArgs, positiveInt, runScript } from '../lib/cli';
import { freshBenchDatabase } from '../lib/bench-database';
import { printTable } from '../lib/console-progress';
import { buildSearchCorpus } from '../lib/search-corpus';
import { defaultShared } from '../03-data/lib/sample-sources';
import { Sizes } from '../03-data/lib/sample-sources-deals';
import {
  LabelledQuery,
  labelledQueries,
  NON_ENGLISH,
  QUERY_CLASSES,
  QueryClass,
} from './lib/search-queries';
import { corpusTruth, readCorpusSizes, writeCorpusSizes } from './lib/search-truth';

const USAGE = `
Usage: npm run eval:search [-- --odoo 2000 --ace 1500 --queries 300 --seed 42 --url URL]

Generates the sample sources (default 2,000 Odoo leads / 1,500 ACE opportunities) and takes
them through sync → transform → validate → embed with the configured model. Then builds a
labelled query set (scripts/06-evaluation/lib/search-queries.ts): --queries split evenly
over five classes, with right answers from what each opportunity really is (ACE's own
fields; for Odoo, which records no use case, the generator's plan of the lead):
  named deal        the customer's name without its legal form and the project in other
                    words than its title ("anlen telecomunicaciones moving their reporting
                    and analytics data to the cloud"); right answers: that deal's Odoo lead
                    and ACE opportunity
  misspelled name   a customer's name with one letter dropped, and with two neighbouring
                    letters swapped ("hospitl kalo", "hopsital kalo"); right answers: all
                    that customer's opportunities in both sources
  abbreviated name  its own word and the initials of the others ("kalo mc" for Kalo
                    Medical Center); right answers as above
  described deals   the project, the kind of company and the country, no name ("a patient
                    records platform for their clinics for a hospital group in Brazil");
                    right answers: every opportunity with that use case, industry and
                    country, in one source or both
  stage words       a stage category with a country and/or a kind of company ("won deals in
                    Germany", "open pipeline for a retailer in Brazil"); right answers: every
                    opportunity in that category that fits (won: Odoo won stage, ACE
                    Launched; lost: Odoo archived, ACE Closed Lost; open: the rest)
  non-English       each described-deals query again in Spanish, Portuguese or German;
                    reported on its own and left out of "all" (the offline model is
                    English-only)
Each query runs in every search mode (limit 10) through the API's SearchService.
recall@10 = right answers in the top 10 / min(10, right answers); MRR = mean of 1 / rank of
the first right answer. Printed per class and mode.

Options:
  --odoo N, --ace N   sample size (default 2000, 1500)
  --queries N         labelled queries over the English classes (default 300)
  --seed N            generator seed (default 42)
  --url URL           the database, dropped and recreated: its name must end in _bench
                      (default BENCH_DATABASE_URL, else
                      postgres://postgres@127.0.0.1:5432/revops_search_eval_bench)
  --out DIR           keep the generated files (ground_truth.csv, the sizes) in DIR
  --reuse             query the database and --out DIR of an earlier run as they are
  --help              this text

Last line: RESULT recall_at_10=… mrr=… (hybrid, English classes), keyword_ and semantic_
recall_at_10 (and any other mode's) for comparison, then hybrid recall_at_10 and mrr per
class: named_, misspelled_, abbreviated_, described_, stage_, non_english_.
`;

type Group = QueryClass | 'all';

interface Scores {
  recall: number;
  mrr: number;
  queries: number;
}

/** recall@10 and MRR of one mode per class, and over the English classes ('all'). */
async function evaluate(
  search: SearchService,
  queries: LabelledQuery[],
  mode: SearchMode,
): Promise<Map<Group, Scores>> {
  const scores = new Map<Group, Scores>();
  for (const { kind, q, relevant } of queries) {
    const { hits } = await search.search(searchQuery({ q, mode, limit: 10 }));
    const keys = hits.map((hit) => `${hit.source}:${hit.id}`);
    const found = keys.filter((key) => relevant.has(key)).length;
    const first = keys.findIndex((key) => relevant.has(key));
    for (const group of kind === NON_ENGLISH ? [kind] : (['all', kind] as const)) {
      const s = scores.get(group) ?? { recall: 0, mrr: 0, queries: 0 };
      s.recall += found / Math.min(10, relevant.size);
      s.mrr += first < 0 ? 0 : 1 / (first + 1);
      s.queries += 1;
      scores.set(group, s);
    }
  }
  for (const s of scores.values()) {
    s.recall /= s.queries;
    s.mrr /= s.queries;
  }
  return scores;
}

/** The RESULT line's name for a class: "misspelled name" → misspelled. */
const resultKey = (group: QueryClass) =>
  group === NON_ENGLISH ? 'non_english' : group.split(' ')[0];

function resultLine(results: Map<SearchMode, Map<Group, Scores>>): string {
  const hybrid = results.get('hybrid') as Map<Group, Scores>;
  const figures = (s: Scores | undefined) => [s?.recall ?? 0, s?.mrr ?? 0].map((x) => x.toFixed(3));
  const [recall, mrr] = figures(hybrid.get('all'));
  const parts = [`recall_at_10=${recall}`, `mrr=${mrr}`];
  const others = [...SEARCH_MODES].filter((mode) => mode !== 'hybrid');
  others.sort((a, b) => Number(b === 'keyword') - Number(a === 'keyword'));
  for (const mode of others) {
    parts.push(`${mode}_recall_at_10=${figures(results.get(mode)?.get('all'))[0]}`);
  }
  for (const group of QUERY_CLASSES) {
    const [classRecall, classMrr] = figures(hybrid.get(group));
    parts.push(
      `${resultKey(group)}_recall_at_10=${classRecall}`,
      `${resultKey(group)}_mrr=${classMrr}`,
    );
  }
  return `RESULT ${parts.join(' ')}`;
}

async function corpus(
  args: Map<string, string>,
  out: string,
): Promise<{ app: INestApplicationContext; sizes: Sizes }> {
  const fallback = 'postgres://postgres@127.0.0.1:5432/revops_search_eval_bench';
  if (args.has('reuse')) {
    if (!args.has('out')) fail('--reuse needs the --out DIR of the earlier run', USAGE);
    process.env.DATABASE_URL = args.get('url') ?? process.env.BENCH_DATABASE_URL ?? fallback;
    return { app: await createScriptApp(SearchOnlyModule), sizes: readCorpusSizes(out) };
  }
  const odoo = positiveInt(args, 'odoo', 2000, USAGE);
  const ace = positiveInt(args, 'ace', 1500, USAGE);
  const sizes = { seed: positiveInt(args, 'seed', 42, USAGE), odoo, ace };
  const url = await freshBenchDatabase(args, fallback);
  const app = await buildSearchCorpus({ url, ...sizes, out });
  return { app, sizes: writeCorpusSizes(out, { ...sizes, shared: defaultShared(odoo, ace) }) };
}

@Module({ imports: [CoreModule.forRoot('scripts', { http: false }), SearchModule] })
class SearchOnlyModule {}

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const out = args.get('out') ?? mkdtempSync(join(tmpdir(), 'revops-search-eval-'));
  const { app, sizes } = await corpus(args, out);
  try {
    const queries = labelledQueries(
      await corpusTruth(app.get(DataSource), sizes),
      join(out, 'ground_truth.csv'),
      positiveInt(args, 'queries', 300, USAGE),
    );
    console.log(`\n${queries.length} labelled queries, for example:`);
    for (const kind of QUERY_CLASSES) {
      const example = queries.find((query) => query.kind === kind);
      if (example) console.log(`  ${kind}: "${example.q}" (${example.relevant.size} right)`);
    }
    const search = app.get(SearchService);
    const results = new Map<SearchMode, Map<Group, Scores>>();
    for (const mode of SEARCH_MODES) results.set(mode, await evaluate(search, queries, mode));
    console.log('');
    printTable(
      (['all', ...QUERY_CLASSES] as Group[]).flatMap((group) =>
        SEARCH_MODES.flatMap((mode) => {
          const s = results.get(mode)?.get(group);
          if (!s) return [];
          return [
            {
              queries: `${group} (${s.queries})`,
              mode,
              'recall@10': s.recall.toFixed(3),
              MRR: s.mrr.toFixed(3),
            },
          ];
        }),
      ),
    );
    console.log(`\n${resultLine(results)}`);
  } finally {
    await app.close();
    if (!args.has('out')) rmSync(out, { recursive: true, force: true });
  }
});
