import 'reflect-metadata';
import { INestApplication, Module } from '@nestjs/common';
import { SearchModule } from '@revops/api';
import { SEARCH_MODES } from '@revops/api/search/search-query.dto';
import type { SearchMode } from '@revops/api/search/search-query.dto';
import { SearchConfig } from '@revops/api/search/search.config';
import { RankedKey, SearchRepository } from '@revops/api/search/search.repository';
import { ApiKeyService, chunk, CoreModule } from '@revops/core';
import { EMBEDDER, EmbeddingConfig, EmbeddingModule } from '@revops/embedding';
import type { Embedder } from '@revops/embedding';
import { Client } from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createScriptHttpApp, fail, parseArgs, positiveInt, runScript } from '../lib/cli';
import { freshBenchDatabase } from '../lib/bench-database';
import { printTable } from '../lib/console-progress';
import { buildSearchCorpus } from '../lib/search-corpus';

const USAGE = `
Usage: npm run bench:search [-- --opportunities 100000 --queries 200 --url URL]
       npm run bench:search -- --load-only [--load-requests 200 --concurrency 1,4,16 --url URL]

Generates --opportunities sample opportunities (60% Odoo leads, 40% ACE), sets exactly 150
of them (in the sources) to Brazil, and takes them through sync → transform → embed with the
configured model: the embedding pipeline's throughput (documents, model calls, vectors and
their events written, the HNSW index built) is timed. Then the bare model embeds every
tenth batch of the same texts in the same batches, and the ratio of the two rates is
embed_ratio. On 2 cores the ONNX use-lite-en model takes about 15 minutes for 100,000 texts
(EMBEDDING_PROVIDER=transformers EMBEDDING_MODEL=use-lite-en MODELS_DIR=../shared/models);
the npm USE-lite default is about four times slower.

Then --queries loose descriptions (a customer and a project, as analysts type them) are
sent to GET /api/v1/search/opportunities over HTTP, in semantic mode (embedding the query,
the HNSW index query, the documents and matches) and in the default hybrid mode; and the
same nearest-neighbour SQL is run without the index (exact distances over every vector).
p50/p95 of each. A semantic search filtered to country=BR with limit=100 must return 100
hits.

Finally, under load: for each search mode and each --concurrency, that many clients send
--load-requests searches over HTTP, each client sending its next request when its last one
answered; req/s and p50/p95. Then the same texts under the same load on each mode's SQL
alone, as the search service runs it for a query taken as written (the query vectors
embedded beforehand): what the API costs beyond it is the model embedding the query, and
HTTP (the keyword rows show what HTTP costs alone). Every query text of the run is distinct
(loose descriptions; "phase 2", "phase 3"… appended once they run out), so no cache of
queries or vectors can answer one. The client loops run in the API's process, as the
requests above do.

The database named by --url (default BENCH_DATABASE_URL, else
postgres://postgres@127.0.0.1:5432/revops_search_bench) must end in _bench: it is dropped
and recreated. The search rate limit is lifted for the run.

Options:
  --opportunities N   corpus size (default 100000)
  --queries N         search requests per measure (default 200)
  --load-requests N   requests per mode and concurrency under load (default 200)
  --concurrency LIST  concurrent clients under load (default 1,4,16)
  --url URL           the bench database
  --reuse             measure on the database an earlier run built (its embedding run's
                      record gives the pipeline rate) instead of building it again; the
                      app applies pending migrations at start (DB_RUN_MIGRATIONS)
  --load-only         with --reuse implied: only the load phase (a few minutes)
  --params QUERY      added to every search request, e.g. interpret=false (a commit whose
                      API does not take a parameter answers 400 and the run stops)
  --help              this text

Last line: RESULT api_p95_ms=… exact_p95_ms=… embed_ratio=… hybrid_api_p95_ms=…
           <mode>_rps_c16=… <mode>_p95_ms_c16=… sql_<mode>_rps_c16=… sql_<mode>_p95_ms_c16=…
  api_p95_ms is the semantic search (the SQL also timed without the index); hybrid, the
  API's default mode, adds the keyword query. Targets: api_p95_ms < 50, embed_ratio >= 0.8.
  The load keys are for each mode at the highest --concurrency (c16 by default), sql_ for
  the SQL alone; --load-only prints only those.
`;

const BRAZIL_ROWS = 150;
/** Requests per mode before its load runs: the HNSW index and the model warm up. */
const LOAD_WARM_UP = 10;
/** The API's default page. */
const PAGE = 10;

/**
 * Whether a mode runs a retriever: its own, or all of them in hybrid. One that is not a
 * mode of this commit's SEARCH_MODES (trigram before issue 18) never runs, so the script
 * runs unchanged on the commit before.
 */
const usesRetriever = (mode: SearchMode, retriever: string): boolean =>
  (SEARCH_MODES as readonly string[]).includes(retriever) &&
  (mode === retriever || mode === 'hybrid');

@Module({ imports: [CoreModule.forRoot('scripts'), EmbeddingModule, SearchModule] })
class BenchSearchModule {}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** Exactly BRAZIL_ROWS opportunities in Brazil: the others move to Portugal, in the sources. */
async function exactlyBrazil(client: Client): Promise<void> {
  const br = `(SELECT id FROM odoo_src.res_country WHERE code = 'BR')`;
  const pt = `(SELECT id FROM odoo_src.res_country WHERE code = 'PT')`;
  // A lead's country is its own, else its customer's (as the transform resolves it).
  await client.query(`UPDATE odoo_src.res_partner SET country_id = ${pt} WHERE country_id = ${br}`);
  await client.query(`UPDATE odoo_src.crm_lead SET country_id = ${pt} WHERE country_id = ${br}`);
  await client.query(
    `UPDATE apn_src.apn_opportunity SET customer_country_code = 'PT' WHERE customer_country_code = 'BR'`,
  );
  const odoo = Math.round(BRAZIL_ROWS * 0.6);
  await client.query(
    `UPDATE odoo_src.crm_lead SET country_id = ${br}
      WHERE id IN (SELECT id FROM odoo_src.crm_lead ORDER BY md5(id::text) LIMIT $1)`,
    [odoo],
  );
  await client.query(
    `UPDATE apn_src.apn_opportunity SET customer_country_code = 'BR'
      WHERE id IN (SELECT id FROM apn_src.apn_opportunity ORDER BY md5(id) LIMIT $1)`,
    [BRAZIL_ROWS - odoo],
  );
}

/** Texts per second of the bare model over every tenth batch of the pipeline's batches. */
async function bareModelRate(app: INestApplication, embedder: Embedder): Promise<number> {
  const rows: { content: string }[] = await app
    .get(DataSource)
    .query(`SELECT content FROM search.opportunity_documents`);
  const texts = rows.map((r) => r.content).sort((a, b) => a.length - b.length);
  const batches = chunk(texts, app.get(EmbeddingConfig).EMBEDDING_BATCH_SIZE).filter(
    (_, i) => i % 10 === 0,
  );
  let embedded = 0;
  const started = process.hrtime.bigint();
  for (const batch of batches) embedded += (await embedder.embed(batch)).length;
  return embedded / (Number(process.hrtime.bigint() - started) / 1e9);
}

/**
 * `count` distinct loose descriptions: a customer's name and the start of a deal's problem
 * statement. When the corpus has fewer, the list repeats with " phase 2", " phase 3"…
 * appended, so no text is ever sent twice and no query cache can answer.
 */
async function looseDescriptions(db: DataSource, count: number): Promise<string[]> {
  const rows: { q: string }[] = await db.query(
    `SELECT q FROM (
       SELECT DISTINCT customer || ' ' ||
              split_part((regexp_match(content, '[^\\n]*$'))[1], '.', 1) AS q
         FROM search.opportunity_documents WHERE customer IS NOT NULL) distinct_texts
      ORDER BY md5(q) LIMIT $1`,
    [count],
  );
  if (rows.length === 0) fail('the bench database holds no documents with a customer');
  return Array.from({ length: count }, (_, i) => {
    const round = Math.floor(i / rows.length);
    return round === 0 ? rows[i].q : `${rows[i % rows.length].q} phase ${round + 1}`;
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}

/**
 * A bounded load: `clients` loops share one counter, each sending request i and awaiting
 * it before taking the next, until `count` have answered. Throughput over the whole run.
 */
async function underLoad(
  count: number,
  clients: number,
  request: (i: number) => Promise<unknown>,
): Promise<{ rps: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const client = async () => {
    for (let i = next++; i < count; i = next++) latencies.push((await timed(() => request(i))).ms);
  };
  const { ms } = await timed(() => Promise.all(Array.from({ length: clients }, client)));
  return { rps: count / (ms / 1000), latencies };
}

interface LoadRun {
  measure: 'api' | 'sql';
  mode: string;
  clients: number;
  rps: number;
  latencies: number[];
}

/** --concurrency 1,4,16 as positive integers. */
function concurrencyList(args: Map<string, string>): number[] {
  const list = (args.get('concurrency') ?? '1,4,16').split(',').map(Number);
  if (!list.every((n) => Number.isInteger(n) && n > 0)) {
    fail('--concurrency must be positive integers separated by commas, e.g. 1,4,16', USAGE);
  }
  return list;
}

/** What both phases use: the app, its parts, the HTTP client, and the run's query texts. */
interface Bench {
  app: INestApplication;
  db: DataSource;
  embedder: Embedder;
  search: SearchRepository;
  model: { id: string; dimensions: number };
  api: (params: Record<string, string>) => Promise<{ hits: unknown[]; interpreted?: unknown }>;
  /** The next `count` texts, none sent before. */
  take: (count: number) => string[];
}

/** The pipeline, the bare model, one request at a time, and the BR filter: the first keys. */
async function singleRequests(bench: Bench, queries: number, started: bigint): Promise<string[]> {
  const { app, db, embedder, search, model, api, take } = bench;
  const [run]: { duration_ms: number; details: { embedded: number } }[] = await db.query(
    `SELECT duration_ms, details FROM ops.job_runs WHERE job_name = 'embed:opportunities'
      ORDER BY id DESC LIMIT 1`,
  );
  const pipelineRate = run.details.embedded / (run.duration_ms / 1000);
  console.log(
    `pipeline: ${run.details.embedded} texts in ${(run.duration_ms / 1000).toFixed(1)} s ` +
      `(everything up to here: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(0)} s)`,
  );
  console.log('Bare model on every tenth batch…');
  const bareRate = await bareModelRate(app, embedder);
  const [{ vectors, brazil }]: { vectors: number; brazil: number }[] = await db.query(
    `SELECT (SELECT count(*)::int FROM search.opportunity_embeddings) AS vectors,
            (SELECT count(*)::int FROM search.opportunity_documents WHERE country_code = 'BR') AS brazil`,
  );
  const latencies = { semantic: [] as number[], hybrid: [] as number[], exact: [] as number[] };
  console.log(`${queries} queries each: API semantic, API hybrid, exact SQL…`);
  // One pass per measure, after a warm-up of ten requests, so no measure runs between
  // another's requests (the exact scan reads every vector). Each mode gets texts of its
  // own, so hybrid finds no vector of the semantic pass in a query cache.
  const samples = { semantic: [] as string[], hybrid: [] as string[] };
  for (const mode of ['semantic', 'hybrid'] as const) {
    for (const q of take(LOAD_WARM_UP)) await api({ q, mode });
    samples[mode] = take(queries);
    for (const q of samples[mode]) latencies[mode].push((await timed(() => api({ q, mode }))).ms);
  }
  const queryVectors: number[][] = [];
  for (const q of samples.semantic) queryVectors.push((await embedder.embed([q]))[0]);
  for (const vector of queryVectors) {
    latencies.exact.push((await timed(() => search.nearest(model, vector, {}, 10, 'exact'))).ms);
  }
  const brazilSearch = await api({
    q: 'cloud migration',
    mode: 'semantic',
    country: 'BR',
    limit: '100',
  });

  console.log('');
  printTable([
    ...(['semantic', 'hybrid', 'exact'] as const).map((kind) => ({
      measure:
        kind === 'exact'
          ? 'nearest-neighbour SQL without the index (exact)'
          : `GET /api/v1/search/opportunities mode=${kind} (HNSW)`,
      'p50 ms': percentile(latencies[kind], 50).toFixed(1),
      'p95 ms': percentile(latencies[kind], 95).toFixed(1),
    })),
  ]);
  console.log('');
  printTable([
    { measure: 'embedding pipeline', 'texts/s': pipelineRate.toFixed(1) },
    { measure: 'bare model, same batches (every 10th)', 'texts/s': bareRate.toFixed(1) },
  ]);
  console.log(
    `\n${vectors} vectors (${model.id}, ${model.dimensions} dims); ${brazil} opportunities in BR; ` +
      `semantic search country=BR limit=100 returned ${brazilSearch.hits.length} hits`,
  );
  if (brazilSearch.hits.length !== Math.min(100, brazil)) {
    fail(`the BR-filtered search returned ${brazilSearch.hits.length} hits, not 100`);
  }
  // api_p95_ms: the semantic search, whose SQL is the one timed without the index too.
  const p95 = (kind: keyof typeof latencies) => percentile(latencies[kind], 95).toFixed(1);
  return [
    `api_p95_ms=${p95('semantic')}`,
    `exact_p95_ms=${p95('exact')}`,
    `embed_ratio=${(pipelineRate / bareRate).toFixed(2)}`,
    `hybrid_api_p95_ms=${p95('hybrid')}`,
  ];
}

/** Each mode at each concurrency over HTTP, then the same texts on the SQL alone. */
async function loadPhase(
  bench: Bench,
  requests: number,
  concurrency: number[],
): Promise<LoadRun[]> {
  const { app, embedder, search, model, api, take } = bench;
  const runs: LoadRun[] = [];
  const sent = new Map<string, string[]>();
  let interpreted = 0;
  const record = (run: LoadRun) => {
    runs.push(run);
    console.log(
      `  ${run.measure} ${run.mode}, ${run.clients} clients: ${run.rps.toFixed(1)} req/s, ` +
        `p95 ${percentile(run.latencies, 95).toFixed(1)} ms`,
    );
  };
  console.log(
    `\nUnder load: ${requests} requests per mode (${SEARCH_MODES.join(', ')}) and ` +
      `concurrency (${concurrency.join(', ')}), over HTTP…`,
  );
  for (const mode of SEARCH_MODES) {
    for (const q of take(LOAD_WARM_UP)) await api({ q, mode });
    for (const clients of concurrency) {
      const texts = take(requests);
      sent.set(`${mode}:${clients}`, texts);
      const load = await underLoad(texts.length, clients, async (i) => {
        // Queries the API understood as filters (issue 18) run other SQL than the text alone.
        if ((await api({ q: texts[i], mode })).interpreted) interpreted += 1;
      });
      record({ measure: 'api', mode, clients, ...load });
    }
  }

  // After the HTTP runs, so that embedding their texts here fills no cache they read.
  const toEmbed = SEARCH_MODES.filter((mode) => usesRetriever(mode, 'semantic')).flatMap((mode) =>
    concurrency.flatMap((clients) => sent.get(`${mode}:${clients}`) ?? []),
  );
  console.log(`The same texts on the search SQL alone (${toEmbed.length} embedded first)…`);
  const vectors = new Map<string, number[]>();
  for (const part of chunk(toEmbed, app.get(EmbeddingConfig).EMBEDDING_BATCH_SIZE)) {
    (await embedder.embed(part)).forEach((vector, i) => vectors.set(part[i], vector));
  }
  const config = app.get(SearchConfig);
  const window = config.SEARCH_RANK_WINDOW;
  // The statements SearchService runs for one page of the query as written (its rank
  // window from each retriever of the mode, then the page's documents), without the model.
  const sql = async (mode: SearchMode, q: string) => {
    const none = Promise.resolve<RankedKey[]>([]);
    const lists = await Promise.all([
      usesRetriever(mode, 'keyword') ? search.keyword(q, {}, window) : none,
      usesRetriever(mode, 'trigram')
        ? search.trigram(q, {}, window, config.SEARCH_TRIGRAM_THRESHOLD)
        : none,
      usesRetriever(mode, 'semantic') ? search.semantic(model, vectors.get(q)!, {}, window) : none,
    ]);
    return search.documents(lists.flat().slice(0, PAGE));
  };
  for (const mode of SEARCH_MODES) {
    for (const clients of concurrency) {
      const texts = sent.get(`${mode}:${clients}`) ?? [];
      const load = await underLoad(texts.length, clients, (i) => sql(mode, texts[i]));
      record({ measure: 'sql', mode, clients, ...load });
    }
  }
  if (interpreted > 0) {
    console.log(
      `${interpreted} of the HTTP requests had words understood as filters; the SQL alone ` +
        'runs every query as written.',
    );
  }
  return runs;
}

/** The load table, each mode's HTTP rows above its SQL rows. */
function printLoad(runs: LoadRun[]): void {
  const modeOrder = (mode: string) => SEARCH_MODES.findIndex((m) => m === mode);
  console.log('');
  printTable(
    [...runs]
      .sort((a, b) => modeOrder(a.mode) - modeOrder(b.mode) || a.measure.localeCompare(b.measure))
      .map((run) => ({
        measure:
          run.measure === 'api'
            ? `GET /api/v1/search/opportunities mode=${run.mode}`
            : `${run.mode} SQL without the model call`,
        clients: run.clients,
        requests: run.latencies.length,
        'req/s': run.rps.toFixed(1),
        'p50 ms': percentile(run.latencies, 50).toFixed(1),
        'p95 ms': percentile(run.latencies, 95).toFixed(1),
      })),
  );
}

/** RESULT keys of the runs at the highest concurrency: semantic_rps_c16, sql_semantic_…. */
function loadKeys(runs: LoadRun[]): string[] {
  const top = Math.max(...runs.map((run) => run.clients));
  return runs
    .filter((run) => run.clients === top)
    .flatMap((run) => {
      const name = `${run.measure === 'sql' ? 'sql_' : ''}${run.mode}`;
      return [
        `${name}_rps_c${top}=${run.rps.toFixed(1)}`,
        `${name}_p95_ms_c${top}=${percentile(run.latencies, 95).toFixed(1)}`,
      ];
    });
}

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const total = positiveInt(args, 'opportunities', 100_000, USAGE);
  const queries = positiveInt(args, 'queries', 200, USAGE);
  const loadRequests = positiveInt(args, 'load-requests', 200, USAGE);
  const concurrency = concurrencyList(args);
  const loadOnly = args.has('load-only');
  const extraParams = Object.fromEntries(new URLSearchParams(args.get('params') ?? ''));
  // The bench measures the search, not the limiter: 120 searches a minute per key would
  // answer 429 within seconds.
  process.env.RATE_LIMIT_SEARCH_PER_KEY = '100000000';
  const fallback = 'postgres://postgres@127.0.0.1:5432/revops_search_bench';
  const out = mkdtempSync(join(tmpdir(), 'revops-search-bench-'));
  const odoo = Math.round(total * 0.6);
  let app: INestApplication | undefined;
  try {
    const started = process.hrtime.bigint();
    if (args.has('reuse') || loadOnly) {
      process.env.DATABASE_URL = args.get('url') ?? process.env.BENCH_DATABASE_URL ?? fallback;
      app = await createScriptHttpApp(BenchSearchModule);
    } else {
      // No validation run: every generated opportunity is searchable, so there are `total`.
      app = await buildSearchCorpus({
        url: await freshBenchDatabase(args, fallback),
        odoo,
        ace: total - odoo,
        seed: 42,
        out,
        adjustSources: exactlyBrazil,
        validate: false,
      });
    }
    const db = app.get(DataSource);
    const embedder = app.get<Embedder>(EMBEDDER);
    await db.query('VACUUM (ANALYZE) search.opportunity_documents, search.opportunity_embeddings');
    // Every text this run sends, distinct: the single-request measures' first.
    const texts = await looseDescriptions(
      db,
      (loadOnly ? 0 : 2 * (LOAD_WARM_UP + queries)) +
        SEARCH_MODES.length * (LOAD_WARM_UP + concurrency.length * loadRequests),
    );
    let taken = 0;
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const key = (await app.get(ApiKeyService).create('bench', 'analyst', 'bench:search')).key;
    const bench: Bench = {
      app,
      db,
      embedder,
      search: app.get(SearchRepository),
      model: { id: embedder.modelId, dimensions: embedder.dimensions },
      api: async (params) => {
        const response = await fetch(
          `http://127.0.0.1:${port}/api/v1/search/opportunities?` +
            new URLSearchParams({ ...params, ...extraParams }),
          { headers: { Authorization: `Bearer ${key}` } },
        );
        if (response.status !== 200)
          fail(`search answered ${response.status}: ${await response.text()}`);
        return (await response.json()) as { hits: unknown[]; interpreted?: unknown };
      },
      take: (count) => texts.slice(taken, (taken += count)),
    };

    const result = loadOnly ? [] : await singleRequests(bench, queries, started);
    const runs = await loadPhase(bench, loadRequests, concurrency);
    printLoad(runs);
    console.log(`\nRESULT ${[...result, ...loadKeys(runs)].join(' ')}`);
  } finally {
    await app?.close();
    rmSync(out, { recursive: true, force: true });
  }
});
