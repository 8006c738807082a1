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
import { LabelledQuery, labelledQueries, QueryKind } from './lib/search-queries';

const USAGE = `
Usage: npm run eval:search [-- --odoo 2000 --ace 1500 --queries 300 --seed 42 --url URL]

Generates the sample sources (default 2,000 Odoo leads / 1,500 ACE opportunities) and takes
them through sync → transform → validate → embed with the configured model. Then builds a
labelled query set from the generator's ground truth (scripts/06-evaluation/lib/
search-queries.ts), half of each kind:
  named deal       the customer's name without its legal form and the project in other
                   words than its title ("anlen telecomunicaciones moving their reporting and
                   analytics data to the cloud"); right answers: that deal's Odoo lead and
                   ACE opportunity
  described deals  the project, the kind of company and the country, no name ("a patient
                   records platform for their clinics for a hospital group in Brazil");
                   right answers: every shared deal with that use case, industry, country
Each query runs in keyword, semantic and hybrid mode (limit 10) through the API's
SearchService. recall@10 = right answers in the top 10 / min(10, right answers); MRR = mean
of 1 / rank of the first right answer. Printed per mode, overall and per kind.

Options:
  --odoo N, --ace N   sample size (default 2000, 1500)
  --queries N         labelled queries (default 300)
  --seed N            generator seed (default 42)
  --url URL           the database, dropped and recreated: its name must end in _bench
                      (default BENCH_DATABASE_URL, else
                      postgres://postgres@127.0.0.1:5432/revops_search_eval_bench)
  --out DIR           keep the generated files (ground_truth.csv) in DIR
  --reuse             query the database and --out DIR of an earlier run as they are
  --help              this text

Last line: RESULT recall_at_10=… mrr=… (hybrid, all queries), then keyword_ and semantic_
recall_at_10 for comparison.
`;

interface Scores {
  recall: number;
  mrr: number;
  queries: number;
}

/** recall@10 and MRR of one mode over `queries`, overall and per kind of query. */
async function evaluate(
  search: SearchService,
  queries: LabelledQuery[],
  mode: SearchMode,
): Promise<Map<QueryKind | 'all', Scores>> {
  const scores = new Map<QueryKind | 'all', Scores>();
  for (const { kind, q, relevant } of queries) {
    const { hits } = await search.search(searchQuery({ q, mode, limit: 10 }));
    const keys = hits.map((hit) => `${hit.source}:${hit.id}`);
    const found = keys.filter((key) => relevant.has(key)).length;
    const first = keys.findIndex((key) => relevant.has(key));
    for (const group of ['all', kind] as const) {
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

async function corpus(args: Map<string, string>, out: string): Promise<INestApplicationContext> {
  const fallback = 'postgres://postgres@127.0.0.1:5432/revops_search_eval_bench';
  if (args.has('reuse')) {
    if (!args.has('out')) fail('--reuse needs the --out DIR of the earlier run', USAGE);
    process.env.DATABASE_URL = args.get('url') ?? process.env.BENCH_DATABASE_URL ?? fallback;
    return createScriptApp(SearchOnlyModule);
  }
  return buildSearchCorpus({
    url: await freshBenchDatabase(args, fallback),
    odoo: positiveInt(args, 'odoo', 2000, USAGE),
    ace: positiveInt(args, 'ace', 1500, USAGE),
    seed: positiveInt(args, 'seed', 42, USAGE),
    out,
  });
}

@Module({ imports: [CoreModule.forRoot('scripts', { http: false }), SearchModule] })
class SearchOnlyModule {}

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const out = args.get('out') ?? mkdtempSync(join(tmpdir(), 'revops-search-eval-'));
  const app = await corpus(args, out);
  try {
    const queries = await labelledQueries(
      app.get(DataSource),
      join(out, 'ground_truth.csv'),
      positiveInt(args, 'queries', 300, USAGE),
    );
    console.log(`\n${queries.length} labelled queries, for example:`);
    for (const query of queries.slice(0, 4)) console.log(`  ${query.kind}: "${query.q}"`);
    const search = app.get(SearchService);
    const results = new Map<SearchMode, Map<QueryKind | 'all', Scores>>();
    for (const mode of SEARCH_MODES) results.set(mode, await evaluate(search, queries, mode));
    console.log('');
    printTable(
      [...(results.get('hybrid') as Map<QueryKind | 'all', Scores>).keys()].flatMap((group) =>
        SEARCH_MODES.map((mode) => {
          const s = results.get(mode)?.get(group) as Scores;
          return {
            queries: `${group} (${s.queries})`,
            mode,
            'recall@10': s.recall.toFixed(3),
            MRR: s.mrr.toFixed(3),
          };
        }),
      ),
    );
    const all = (mode: SearchMode) => results.get(mode)?.get('all') as Scores;
    console.log(
      `\nRESULT recall_at_10=${all('hybrid').recall.toFixed(3)} mrr=${all('hybrid').mrr.toFixed(3)}` +
        ` keyword_recall_at_10=${all('keyword').recall.toFixed(3)}` +
        ` semantic_recall_at_10=${all('semantic').recall.toFixed(3)}`,
    );
  } finally {
    await app.close();
    if (!args.has('out')) rmSync(out, { recursive: true, force: true });
  }
});
