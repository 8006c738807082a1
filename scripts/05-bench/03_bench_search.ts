import 'reflect-metadata';
import { INestApplication, Module } from '@nestjs/common';
import { SearchModule } from '@revops/api';
import { SearchRepository } from '@revops/api/search/search.repository';
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
p50/p95 of each. Finally a semantic search filtered to country=BR with limit=100 must
return 100 hits. The database named by --url (default BENCH_DATABASE_URL, else
postgres://postgres@127.0.0.1:5432/revops_search_bench) must end in _bench: it is dropped
and recreated.

Options:
  --opportunities N   corpus size (default 100000)
  --queries N         search requests per measure (default 200)
  --url URL           the bench database
  --reuse             measure on the database an earlier run built (its embedding run's
                      record gives the pipeline rate) instead of building it again
  --help              this text

Last line: RESULT api_p95_ms=… exact_p95_ms=… embed_ratio=… hybrid_api_p95_ms=…
  api_p95_ms is the semantic search (the SQL also timed without the index); hybrid, the
  API's default mode, adds the keyword query. Targets: api_p95_ms < 50, embed_ratio >= 0.8.
`;

const BRAZIL_ROWS = 150;

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

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const total = positiveInt(args, 'opportunities', 100_000, USAGE);
  const queries = positiveInt(args, 'queries', 200, USAGE);
  const fallback = 'postgres://postgres@127.0.0.1:5432/revops_search_bench';
  const out = mkdtempSync(join(tmpdir(), 'revops-search-bench-'));
  const odoo = Math.round(total * 0.6);
  let app: INestApplication | undefined;
  try {
    const started = process.hrtime.bigint();
    if (args.has('reuse')) {
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
    const [run]: { duration_ms: number; details: { embedded: number } }[] = await db.query(
      `SELECT duration_ms, details FROM ops.job_runs WHERE job_name = 'embed:opportunities'
        ORDER BY id DESC LIMIT 1`,
    );
    const pipelineRate = run.details.embedded / (run.duration_ms / 1000);
    console.log(
      `pipeline: ${run.details.embedded} texts in ${(run.duration_ms / 1000).toFixed(1)} s ` +
        `(everything up to here: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(0)} s)`,
    );
    const embedder = app.get<Embedder>(EMBEDDER);
    console.log('Bare model on every tenth batch…');
    const bareRate = await bareModelRate(app, embedder);

    const [{ vectors, brazil }]: { vectors: number; brazil: number }[] = await db.query(
      `SELECT (SELECT count(*)::int FROM search.opportunity_embeddings) AS vectors,
              (SELECT count(*)::int FROM search.opportunity_documents WHERE country_code = 'BR') AS brazil`,
    );
    await db.query('VACUUM (ANALYZE) search.opportunity_documents, search.opportunity_embeddings');

    // Loose descriptions: a customer's name and the start of a deal's problem statement.
    const samples: { q: string }[] = await db.query(
      `SELECT customer || ' ' || split_part((regexp_match(content, '[^\\n]*$'))[1], '.', 1) AS q
         FROM search.opportunity_documents WHERE customer IS NOT NULL
        ORDER BY md5(source_id) LIMIT $1`,
      [queries],
    );
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const key = (await app.get(ApiKeyService).create('bench', 'analyst', 'bench:search')).key;
    const api = async (params: Record<string, string>) => {
      const response = await fetch(
        `http://127.0.0.1:${port}/api/v1/search/opportunities?${new URLSearchParams(params)}`,
        { headers: { Authorization: `Bearer ${key}` } },
      );
      if (response.status !== 200)
        fail(`search answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as { hits: unknown[] };
    };
    const latencies = { semantic: [] as number[], hybrid: [] as number[], exact: [] as number[] };
    const search = app.get(SearchRepository);
    const model = { id: embedder.modelId, dimensions: embedder.dimensions };
    console.log(`${samples.length} queries each: API semantic, API hybrid, exact SQL…`);
    // One pass per measure, after a warm-up of ten requests, so no measure runs between
    // another's requests (the exact scan reads every vector).
    for (const mode of ['semantic', 'hybrid'] as const) {
      for (const { q } of samples.slice(0, 10)) await api({ q, mode });
      for (const { q } of samples) latencies[mode].push((await timed(() => api({ q, mode }))).ms);
    }
    const queryVectors: number[][] = [];
    for (const { q } of samples) queryVectors.push((await embedder.embed([q]))[0]);
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
    console.log(
      `\nRESULT api_p95_ms=${p95('semantic')} exact_p95_ms=${p95('exact')} ` +
        `embed_ratio=${(pipelineRate / bareRate).toFixed(2)} hybrid_api_p95_ms=${p95('hybrid')}`,
    );
  } finally {
    await app?.close();
    rmSync(out, { recursive: true, force: true });
  }
});
