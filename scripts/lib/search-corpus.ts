import { INestApplication, Module } from '@nestjs/common';
import { SearchModule } from '@revops/api';
import { CoreModule } from '@revops/core';
import { EmbeddingModule, EmbeddingService } from '@revops/embedding';
import { IngestionModule, IngestionService } from '@revops/ingestion';
import { TransformationModule, TransformationService } from '@revops/transformation';
import { ValidationModule, ValidationService } from '@revops/validation';
import { join } from 'node:path';
import { Client } from 'pg';
import { generateSampleSources } from '../03-data/lib/sample-sources';
import { createScriptHttpApp } from './cli';
import { consoleProgress } from './console-progress';

@Module({
  imports: [
    CoreModule.forRoot('scripts'),
    IngestionModule,
    TransformationModule,
    ValidationModule,
    EmbeddingModule,
    SearchModule,
  ],
})
class SearchCorpusModule {}

export interface SearchCorpusOptions {
  /** A fresh, migrated database (freshBenchDatabase): sources and platform share it. */
  url: string;
  odoo: number;
  ace: number;
  seed: number;
  /** Where the generator writes its export files and ground_truth.csv. */
  out: string;
  /**
   * Read the sources from this folder instead (odoo/<model>.csv and ace/*.json, as
   * 11_build_matching_dataset.ts writes them): the CSV and ACE JSON connectors, no generator.
   */
  filesDir?: string;
  /** Runs on the sources after generation, before the sync (e.g. to set up a filter case). */
  adjustSources?: (client: Client) => Promise<void>;
  /** Run validation before embedding (default), which holds rows with errors back. */
  validate?: boolean;
}

/**
 * The generator's sources taken through the real pipeline, sync → transform → validate →
 * embed, with progress: the corpus eval:search and bench:search query. Returns the HTTP
 * app (not listening), whose SearchService and EmbeddingService are the API's own.
 */
export async function buildSearchCorpus(options: SearchCorpusOptions): Promise<INestApplication> {
  if (options.filesDir) {
    Object.assign(process.env, {
      ODOO_CONNECTOR: 'csv',
      ODOO_CSV_DIR: join(options.filesDir, 'odoo'),
      APN_CONNECTOR: 'files',
      APN_FILES_DIR: join(options.filesDir, 'ace'),
    });
  } else {
    await generateSources(options);
  }
  Object.assign(process.env, {
    DATABASE_URL: options.url,
    SYNC_SCHEDULES_ENABLED: 'false',
  });
  const app = await createScriptHttpApp(SearchCorpusModule);
  const progress = consoleProgress();
  for (const source of ['odoo', 'apn'] as const) {
    await app.get(IngestionService).syncSource(source, 'full', { triggeredBy: 'corpus' });
  }
  console.log('Transforming…');
  await app.get(TransformationService).transformAll('corpus', progress);
  if (options.validate ?? true) await app.get(ValidationService).run('corpus', progress);
  console.log('Embedding…');
  const embedded = await app.get(EmbeddingService).embedChanged('corpus', progress);
  console.log(`\n${embedded.embedded} opportunities embedded with ${embedded.modelId}`);
  return app;
}

/** The generator's sources in two schemas of the corpus database, read by the db connectors. */
async function generateSources(options: SearchCorpusOptions): Promise<void> {
  const client = new Client({ connectionString: options.url });
  await client.connect();
  try {
    console.log(`Generating ${options.odoo} Odoo leads and ${options.ace} ACE opportunities…`);
    await generateSampleSources({
      client,
      odooSchema: 'odoo_src',
      apnSchema: 'apn_src',
      odoo: options.odoo,
      ace: options.ace,
      shared: Math.round(Math.min(options.odoo, options.ace) * 0.4),
      seed: options.seed,
      out: options.out,
      log: process.stderr,
    });
    await options.adjustSources?.(client);
  } finally {
    await client.end();
  }
  Object.assign(process.env, {
    ODOO_DB_URL: options.url,
    ODOO_DB_SCHEMA: 'odoo_src',
    APN_DB_URL: options.url,
    APN_DB_SCHEMA: 'apn_src',
  });
}
