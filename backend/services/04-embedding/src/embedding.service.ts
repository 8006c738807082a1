import { Inject, Injectable } from '@nestjs/common';
import { chunk, ignoreProgress, JobRunsService, ProgressListener } from '@revops/core';
import { EmbeddingConfig } from './embedder/embedding.config';
import { EMBEDDER } from './embedder/embedder.port';
import type { Embedder } from './embedder/embedder.port';
import { EmbeddingRow, EmbeddingsRepository } from './embeddings.repository';
import { countryName } from './text/country-name';
import { contentHash, opportunityText } from './text/opportunity-text';

export interface EmbedSummary {
  modelId: string;
  /** Live CORE opportunities, all of which now have a current vector. */
  considered: number;
  embedded: number;
  /** Vectors dropped because their CORE row was deleted. */
  removed: number;
}

/** CORE → search.*: embeds the opportunities whose text changed since last time. */
@Injectable()
export class EmbeddingService {
  constructor(
    @Inject(EMBEDDER) private readonly embedder: Embedder,
    private readonly config: EmbeddingConfig,
    private readonly repository: EmbeddingsRepository,
    private readonly jobs: JobRunsService,
  ) {}

  embedChanged(
    triggeredBy: string,
    onProgress: ProgressListener = ignoreProgress,
  ): Promise<EmbedSummary & { jobRunId: string }> {
    return this.jobs.track('embed:opportunities', triggeredBy, async () => {
      const { modelId } = this.embedder;
      const removed = await this.repository.deleteOrphans(modelId);
      const stored = await this.repository.storedHashes(modelId);
      const live = await this.repository.embeddableOpportunities();
      const pending = live
        .map((row) => {
          const content = opportunityText({ ...row, country: countryName(row.countryCode) });
          return {
            source: row.source,
            sourceId: row.sourceId,
            content,
            hash: contentHash(content),
          };
        })
        .filter((row) => stored.get(`${row.source}:${row.sourceId}`) !== row.hash);

      let done = 0;
      onProgress({ stage: 'embed', item: modelId, done, total: pending.length });
      for (const batch of chunk(pending, this.config.EMBEDDING_BATCH_SIZE)) {
        const vectors = await this.embedder.embed(batch.map((row) => row.content));
        const rows: EmbeddingRow[] = batch.map((row, i) => ({
          source: row.source,
          sourceId: row.sourceId,
          content: row.content,
          contentHash: row.hash,
          vector: vectors[i],
        }));
        await this.repository.upsert(modelId, this.embedder.dimensions, rows);
        done += batch.length;
        onProgress({ stage: 'embed', item: modelId, done, total: pending.length });
      }
      if (pending.length > 0) {
        await this.repository.ensureModelIndex(modelId, this.embedder.dimensions);
      }
      return { modelId, considered: live.length, embedded: pending.length, removed };
    });
  }
}
