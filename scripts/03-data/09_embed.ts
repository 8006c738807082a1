import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import { EmbeddingModule, EmbeddingService } from '@revops/embedding';
import { createScriptApp, fail, parseArgs, runScript } from '../lib/cli';
import { consoleProgress, printTable } from '../lib/console-progress';

const USAGE = `
Usage: npm run ts -- scripts/03-data/09_embed.ts [--model ID] [--since ISO-time] [--rebuild]

CORE → search.* against DATABASE_URL (or the embedded PGlite database): writes the search
document (shown fields, filters, full text) of every live opportunity not held back by
validation, then embeds the documents whose text changed since their vector was made, with
progress, in batches of EMBEDDING_BATCH_SIZE texts. Deleted or held-back opportunities leave
search. Each batch of vectors is announced as revops.embedding.updated. If the model keeps
failing the run pauses (exit 0, "paused" in the summary) and the rows stay pending for the
next run. The run is in ops.job_runs (job embed:opportunities); refused while another runs.

Options:
  --model ID        embed with this model instead of EMBEDDING_MODEL (MODELS_DIR/<ID>, or
                    use-lite-en for the offline default); its vectors never mix with another
                    model's in search
  --since ISO-time  only opportunities whose CORE row changed at or after this time
  --rebuild         embed again even where the text did not change (e.g. a new model build)
  --help            this text

Example:
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/revops npm run ts -- scripts/03-data/09_embed.ts --rebuild
`;

@Module({ imports: [CoreModule.forRoot('scripts', { http: false }), EmbeddingModule] })
class EmbedScriptModule {}

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const model = args.get('model');
  if (model !== undefined) {
    if (model === 'true') fail('--model needs a model id', USAGE);
    process.env.EMBEDDING_MODEL = model;
  }
  const since = args.has('since') ? new Date(args.get('since') as string) : undefined;
  if (since && Number.isNaN(since.getTime())) fail('--since must be an ISO time', USAGE);

  const app = await createScriptApp(EmbedScriptModule);
  try {
    const summary = await app
      .get(EmbeddingService)
      .embedChanged('script:09_embed', consoleProgress(), {
        rebuild: args.has('rebuild'),
        since,
      });
    console.log('');
    printTable([
      {
        'job run': summary.jobRunId,
        model: summary.modelId,
        documents: summary.documents,
        'documents written': summary.documentsWritten,
        removed: summary.removed,
        embedded: summary.embedded,
        pending: summary.pending,
      },
    ]);
    if (summary.paused) {
      console.log(`\nPaused: ${summary.paused.reason}. Run again after ${summary.paused.retryAt}.`);
    }
  } finally {
    await app.close();
  }
});
