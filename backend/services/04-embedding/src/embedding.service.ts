import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import {
  chunk,
  CircuitBreaker,
  CircuitOpenError,
  CoalescedRuns,
  ignoreProgress,
  JobRunsService,
  ProgressListener,
} from '@revops/core';
import { EmbeddingConfig } from './embedder/embedding.config';
import { EMBEDDER } from './embedder/embedder.port';
import type { Embedder } from './embedder/embedder.port';
import { EmbeddingRow, EmbeddingsRepository, PendingEmbedding } from './embeddings.repository';
import { opportunityDocument } from './text/opportunity-document';

export const EMBED_JOB = 'embed:opportunities';

/** Vectors written (and announced) per transaction: several model batches. */
const WRITE_BATCH = 256;

export interface EmbedOptions {
  /** Re-embed every document, changed or not (e.g. after a template change). */
  rebuild?: boolean;
  /** Only documents whose CORE row changed at or after this time. */
  since?: Date;
}

export interface EmbedSummary {
  modelId: string;
  /** Live, not held-back CORE opportunities: the searchable documents. */
  documents: number;
  /** Documents written because a shown field or the text changed. */
  documentsWritten: number;
  /** Documents (and their vectors) dropped because their CORE row is gone or held back. */
  removed: number;
  embedded: number;
  /** Still to embed when the run paused; the next run picks them up. */
  pending: number;
  /** Set when the model kept failing and the run stopped early. */
  paused?: { reason: string; retryAt: string };
}

/** CORE → search.*: documents for every live opportunity, vectors for changed text. */
@Injectable()
export class EmbeddingService implements OnModuleDestroy {
  private readonly logger = new Logger(EmbeddingService.name);
  /** A failing model pauses the worker instead of failing every batch. */
  private readonly model: CircuitBreaker;
  private requested?: CoalescedRuns;
  private resume?: NodeJS.Timeout;

  constructor(
    @Inject(EMBEDDER) private readonly embedder: Embedder,
    private readonly config: EmbeddingConfig,
    private readonly repository: EmbeddingsRepository,
    private readonly jobs: JobRunsService,
  ) {
    this.model = new CircuitBreaker({
      name: `embedding model ${embedder.modelId}`,
      failureThreshold: config.EMBEDDING_MAX_FAILURES,
      cooldownMs: config.EMBEDDING_PAUSE_SECONDS * 1000,
    });
  }

  /** One run, exclusive across processes; rejects with `conflict` while another runs. */
  async embedChanged(
    triggeredBy: string,
    onProgress: ProgressListener = ignoreProgress,
    options: EmbedOptions = {},
  ): Promise<EmbedSummary & { jobRunId: string }> {
    const { done } = await this.jobs.beginExclusive(
      'revops.embed',
      'An embedding run is already running',
      EMBED_JOB,
      triggeredBy,
      () => this.embed(onProgress, options),
    );
    const summary = await done;
    if (summary.paused) this.resumeAt(new Date(summary.paused.retryAt));
    return summary;
  }

  /** A run soon, for event consumers; many requests during a run ask for one more. */
  requestRun(triggeredBy: string): Promise<void> {
    this.requested ??= new CoalescedRuns(() => this.embedChanged(triggeredBy));
    return this.requested.request();
  }

  onModuleDestroy(): void {
    clearTimeout(this.resume);
  }

  private async embed(onProgress: ProgressListener, options: EmbedOptions): Promise<EmbedSummary> {
    const { modelId } = this.embedder;
    const documents = await this.refreshDocuments();
    const pending = await this.repository.pendingEmbeddings(modelId, options);
    // Texts of similar length in one model call: less padding, so less wasted work.
    pending.sort((a, b) => a.content.length - b.content.length);

    let embedded = 0;
    let paused: EmbedSummary['paused'];
    onProgress({ stage: 'embed', item: modelId, done: 0, total: pending.length });
    for (const batch of chunk(pending, WRITE_BATCH)) {
      let rows: EmbeddingRow[];
      try {
        rows = await this.vectors(batch);
      } catch (error) {
        if (!(error instanceof CircuitOpenError)) throw error;
        paused = { reason: error.message, retryAt: error.retryAt.toISOString() };
        this.logger.warn({
          msg: 'Embedding paused: the model keeps failing; pending rows stay queued',
          modelId,
          pending: pending.length - embedded,
          ...paused,
        });
        break;
      }
      await this.repository.upsertEmbeddings(modelId, this.embedder.dimensions, rows);
      embedded += rows.length;
      onProgress({ stage: 'embed', item: modelId, done: embedded, total: pending.length });
    }
    if (embedded > 0) {
      await this.repository.ensureModelIndex(modelId, this.embedder.dimensions);
    }
    return { modelId, ...documents, embedded, pending: pending.length - embedded, paused };
  }

  /** search.opportunity_documents := the live CORE opportunities, writing only changes. */
  private async refreshDocuments(): Promise<
    Pick<EmbedSummary, 'documents' | 'documentsWritten' | 'removed'>
  > {
    const removed = await this.repository.removeGone();
    const stored = await this.repository.documentHashes();
    const live = (await this.repository.liveOpportunities()).map(opportunityDocument);
    const changed = live.filter((d) => stored.get(`${d.source}:${d.sourceId}`) !== d.rowHash);
    for (const batch of chunk(changed, 1000)) {
      await this.repository.upsertDocuments(batch);
    }
    // Autovacuum would get to it within minutes; search needs the statistics now.
    if (changed.length >= Math.max(1000, live.length / 10)) {
      await this.repository.analyzeDocuments();
    }
    return { documents: live.length, documentsWritten: changed.length, removed: removed.length };
  }

  /**
   * Model calls of `EMBEDDING_BATCH_SIZE` texts through the circuit breaker. A failed call
   * is tried again until the breaker opens; then CircuitOpenError ends the run.
   */
  private async vectors(rows: PendingEmbedding[]): Promise<EmbeddingRow[]> {
    const out: EmbeddingRow[] = [];
    for (const batch of chunk(rows, this.config.EMBEDDING_BATCH_SIZE)) {
      const texts = batch.map((row) => row.content);
      let vectors: number[][] | undefined;
      while (!vectors) {
        try {
          vectors = await this.model.run(() => this.embedder.embed(texts));
        } catch (error) {
          if (error instanceof CircuitOpenError) throw error;
          // Counted by the breaker: the next call throws CircuitOpenError once it opens.
          this.logger.warn({
            msg: 'Embedding model call failed',
            modelId: this.embedder.modelId,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
      batch.forEach((row, i) => out.push({ ...row, vector: vectors[i] }));
    }
    return out;
  }

  /** After a pause, one more run once the breaker lets a trial call through. */
  private resumeAt(retryAt: Date): void {
    clearTimeout(this.resume);
    this.resume = setTimeout(
      () =>
        void this.requestRun('resume-after-pause').catch((error: unknown) =>
          this.logger.error({
            msg: 'Embedding run after a pause failed',
            error: error instanceof Error ? error.message : String(error),
          }),
        ),
      Math.max(0, retryAt.getTime() - Date.now()),
    );
    this.resume.unref();
  }
}
