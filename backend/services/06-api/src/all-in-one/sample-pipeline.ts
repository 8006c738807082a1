import { INestApplicationContext } from '@nestjs/common';
import { ProgressListener } from '@revops/core';
import { EmbeddingService, EmbedSummary } from '@revops/embedding';
import { IngestionService, SyncSummary } from '@revops/ingestion';
import { TransformationService, TransformSummary } from '@revops/transformation';

export interface SamplePipelineSummary {
  syncs: SyncSummary[];
  transform: TransformSummary;
  embed: EmbedSummary;
}

/**
 * Sample files → RAW → CORE → search, in order, in a process that holds all three
 * services. Re-running it is cheap: unchanged rows are skipped at every step.
 */
export async function runSamplePipeline(
  app: INestApplicationContext,
  samplesDir: string,
  triggeredBy: string,
  onProgress: ProgressListener,
): Promise<SamplePipelineSummary> {
  const syncs = await app.get(IngestionService).ingestSampleFiles(samplesDir, onProgress);
  const transform = await app.get(TransformationService).transformAll(triggeredBy, onProgress);
  const embed = await app.get(EmbeddingService).embedChanged(triggeredBy, onProgress);
  return { syncs, transform, embed };
}
