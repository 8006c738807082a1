import { INestApplicationContext } from '@nestjs/common';
import { ProgressListener } from '@revops/core';
import { EmbeddingService, EmbedSummary } from '@revops/embedding';
import { IngestionService, SyncSummary } from '@revops/ingestion';
import { MatchingService, MatchRunSummary } from '@revops/matching';
import { TransformationService, TransformSummary } from '@revops/transformation';
import { ValidationService, ValidationSummary } from '@revops/validation';

export interface SamplePipelineSummary {
  syncs: SyncSummary[];
  transform: TransformSummary;
  validate: ValidationSummary & { jobRunId: string };
  embed: EmbedSummary;
  /** `match.training`: the first full match trains the first matching model. */
  match: MatchRunSummary & { jobRunId: string };
}

/**
 * Both sources through their configured connectors (a full sync each) → RAW → CORE →
 * validation → search → matches, in order, in a process that holds all the services (the
 * first match trains a matching model on the records first). Re-running it is cheap:
 * unchanged rows are skipped at every step.
 */
export async function runPipeline(
  app: INestApplicationContext,
  triggeredBy: string,
  onProgress: ProgressListener,
): Promise<SamplePipelineSummary> {
  const ingestion = app.get(IngestionService);
  const syncs: SyncSummary[] = [];
  for (const source of ['odoo', 'apn'] as const) {
    syncs.push(await ingestion.syncSource(source, 'full', { triggeredBy, onProgress }));
  }
  return { syncs, ...(await transformAndEmbed(app, triggeredBy, onProgress)) };
}

/** The committed sample files (data/samples) → RAW → CORE → search → matches: the tests' fixture. */
export async function runSamplePipeline(
  app: INestApplicationContext,
  samplesDir: string,
  triggeredBy: string,
  onProgress: ProgressListener,
): Promise<SamplePipelineSummary> {
  const syncs = await app.get(IngestionService).ingestSampleFiles(samplesDir, onProgress);
  return { syncs, ...(await transformAndEmbed(app, triggeredBy, onProgress)) };
}

async function transformAndEmbed(
  app: INestApplicationContext,
  triggeredBy: string,
  onProgress: ProgressListener,
): Promise<Omit<SamplePipelineSummary, 'syncs'>> {
  const transform = await app.get(TransformationService).transformAll(triggeredBy, onProgress);
  // Before embedding: rows failing an error rule are held back from search.
  const validate = await app.get(ValidationService).run(triggeredBy, onProgress);
  const embed = await app.get(EmbeddingService).embedChanged(triggeredBy, onProgress);
  const match = await app.get(MatchingService).matchAll(triggeredBy, onProgress);
  return { transform, validate, embed, match };
}
