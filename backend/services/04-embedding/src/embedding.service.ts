import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import {
  chunk,
  CircuitBreaker,
  CircuitOpenError,
  CircuitState,
  CoalescedRuns,
  ignoreProgress,
  JobRunsService,
  inputHashOf,
  ProgressListener,
  QuarantineRepository,
  SetAsideRow,
  writeIsolating,
} from '@revops/core';
import { EmbeddingConfig } from './embedder/embedding.config';
import { EMBEDDER } from './embedder/embedder.port';
import type { Embedder } from './embedder/embedder.port';
import {
  EmbeddingRow,
  EmbeddingsRepository,
  PendingEmbedding,
  SourceOpportunity,
} from './embeddings.repository';
import { OpportunityDocument, opportunityDocument } from './text/opportunity-document';

export const EMBED_JOB = 'embed:opportunities';

/** Where embedding's quarantined rows are kept: the document, or its vector. */
const DOCUMENTS = 'search.opportunity_documents';
const EMBEDDINGS = 'search.opportunity_embeddings';

const documentKey = (row: { source: string; sourceId: string }) => `${row.source}:${row.sourceId}`;

/** A CORE row no search document could be made of, or whose document was refused. */
function documentSetAside(
  key: string,
  inputHash: string,
  payload: unknown,
  error: unknown,
): SetAsideRow {
  const message = error instanceof Error ? error.message : String(error);
  return {
    source: key.split(':')[0],
    table: DOCUMENTS,
    key,
    inputHash,
    reason: `no search document: ${message}`,
    payload,
  };
}

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
  /**
   * Rows this run set aside in ops.quarantine (stage `embedding`): a row its document
   * could not be made of, or a text the model fails on or answers with no usable vector.
   * Each is tried again once its input changes.
   */
  quarantined: number;
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
    private readonly quarantine: QuarantineRepository,
  ) {
    this.model = new CircuitBreaker({
      name: `embedding model ${embedder.modelId}`,
      failureThreshold: config.EMBEDDING_MAX_FAILURES,
      cooldownMs: config.EMBEDDING_PAUSE_SECONDS * 1000,
    });
  }

  /** Whether the model is being called (closed) or rested after failures (open, half-open). */
  get modelCircuit(): CircuitState {
    return this.model.state;
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
      (jobRunId) => this.embed(jobRunId, onProgress, options),
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

  private async embed(
    jobRunId: string,
    onProgress: ProgressListener,
    options: EmbedOptions,
  ): Promise<EmbedSummary> {
    const { modelId } = this.embedder;
    const setAside: SetAsideRow[] = [];
    const documents = await this.refreshDocuments(setAside);
    const waiting = await this.quarantine.waiting('embedding', EMBEDDINGS);
    const pending = (await this.repository.pendingEmbeddings(modelId, options)).filter(
      (row) => waiting.get(documentKey(row)) !== row.contentHash,
    );
    // Texts of similar length in one model call: less padding, so less wasted work.
    pending.sort((a, b) => a.content.length - b.content.length);

    let embedded = 0;
    let done = 0;
    let paused: EmbedSummary['paused'];
    onProgress({ stage: 'embed', item: modelId, done: 0, total: pending.length });
    for (const batch of chunk(pending, WRITE_BATCH)) {
      let rows: EmbeddingRow[];
      try {
        rows = await this.vectors(batch, setAside);
      } catch (error) {
        if (!(error instanceof CircuitOpenError)) throw error;
        paused = { reason: error.message, retryAt: error.retryAt.toISOString() };
        this.logger.warn({
          msg: 'Embedding paused: the model keeps failing; pending rows stay queued',
          modelId,
          pending: pending.length - done,
          ...paused,
        });
        break;
      }
      await this.repository.upsertEmbeddings(modelId, this.embedder.dimensions, rows);
      await this.quarantine.resolve('embedding', EMBEDDINGS, rows.map(documentKey));
      embedded += rows.length;
      done += batch.length;
      onProgress({ stage: 'embed', item: modelId, done, total: pending.length });
    }
    if (embedded > 0) {
      await this.repository.ensureModelIndex(modelId, this.embedder.dimensions);
    }
    for (const row of setAside) {
      this.logger.warn({ msg: 'Row quarantined by embedding', key: row.key, reason: row.reason });
    }
    await this.quarantine.setAside('embedding', jobRunId, setAside);
    return {
      modelId,
      ...documents,
      embedded,
      quarantined: setAside.length,
      pending: pending.length - done,
      paused,
    };
  }

  /**
   * search.opportunity_documents := the live CORE opportunities, writing only changes. A
   * row its document cannot be made of, or the database refuses, goes to `setAside`.
   */
  private async refreshDocuments(
    setAside: SetAsideRow[],
  ): Promise<Pick<EmbedSummary, 'documents' | 'documentsWritten' | 'removed'>> {
    const removed = await this.repository.removeGone();
    const stored = await this.repository.documentHashes();
    const waiting = await this.quarantine.waiting('embedding', DOCUMENTS);
    const live: OpportunityDocument[] = [];
    const inputs = new Map<string, SourceOpportunity>();
    for (const row of await this.repository.liveOpportunities()) {
      const key = documentKey(row);
      const inputHash = inputHashOf(row);
      if (waiting.get(key) === inputHash) continue; // failed on this very input before
      inputs.set(key, row);
      try {
        live.push(opportunityDocument(row));
      } catch (error) {
        setAside.push(documentSetAside(key, inputHash, row, error));
      }
    }
    const changed = live.filter((d) => stored.get(documentKey(d)) !== d.rowHash);
    const refused = new Set<string>();
    const refuse = (document: OpportunityDocument, error: unknown) => {
      const key = documentKey(document);
      const input = inputs.get(key);
      refused.add(key);
      setAside.push(documentSetAside(key, inputHashOf(input), input, error));
    };
    for (const batch of chunk(changed, 1000)) {
      await writeIsolating(batch, (some) => this.repository.upsertDocuments(some), refuse);
    }
    const written = changed.map(documentKey).filter((key) => !refused.has(key));
    await this.quarantine.resolve('embedding', DOCUMENTS, written);
    // Autovacuum would get to it within minutes; search needs the statistics now.
    if (written.length >= Math.max(1000, live.length / 10)) {
      await this.repository.analyzeDocuments();
    }
    return {
      documents: live.length - refused.size,
      documentsWritten: written.length,
      removed: removed.length,
    };
  }

  /**
   * Model calls of `EMBEDDING_BATCH_SIZE` texts through the circuit breaker. A failed call
   * is tried again, text by text: a text the model fails on while it embeds the others,
   * or answers with no usable vector, goes to `setAside` and the rest go on. When every
   * call fails the breaker opens, and CircuitOpenError ends the run (the rows stay pending).
   */
  private async vectors(
    rows: PendingEmbedding[],
    setAside: SetAsideRow[],
  ): Promise<EmbeddingRow[]> {
    const out: EmbeddingRow[] = [];
    for (const batch of chunk(rows, this.config.EMBEDDING_BATCH_SIZE)) {
      const results = await this.embedEach(batch.map((row) => row.content));
      batch.forEach((row, i) => {
        const result = results[i];
        const problem = result instanceof Error ? result.message : this.vectorProblem(result);
        if (problem === null) out.push({ ...row, vector: result as number[] });
        else {
          const reason = `the model cannot embed this text: ${problem}`;
          setAside.push({
            source: row.source,
            table: EMBEDDINGS,
            key: documentKey(row),
            inputHash: row.contentHash,
            reason,
            payload: { source: row.source, sourceId: row.sourceId, content: row.content },
          });
        }
      });
    }
    return out;
  }

  /**
   * One vector (or the error of its text) per text: the whole batch, else text by text,
   * which tells a text the model cannot take from a model that is down. A text failing
   * next to others that embed is tried once more; a second failure is its own. When no
   * text embeds, the batch is tried again until the breaker opens.
   */
  private async embedEach(texts: string[]): Promise<(number[] | Error)[]> {
    try {
      return await this.callModel(texts);
    } catch (error) {
      if (error instanceof CircuitOpenError) throw error;
    }
    const results: (number[] | Error)[] = [];
    for (const text of texts) results.push(await this.embedOnce(text));
    if (results.every((result) => result instanceof Error)) return this.embedEach(texts);
    for (const [i, result] of results.entries()) {
      if (result instanceof Error) results[i] = await this.embedOnce(texts[i]);
    }
    return results;
  }

  /** One text, one call: its vector, or the error (CircuitOpenError is thrown). */
  private async embedOnce(text: string): Promise<number[] | Error> {
    try {
      return (await this.callModel([text]))[0];
    } catch (error) {
      if (error instanceof CircuitOpenError) throw error;
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  /** A model call through the circuit breaker; a failure is logged and counted by it. */
  private async callModel(texts: string[]): Promise<number[][]> {
    try {
      const vectors = await this.model.run(() => this.embedder.embed(texts));
      if (vectors.length !== texts.length) {
        throw new Error(`the model returned ${vectors.length} vectors for ${texts.length} texts`);
      }
      return vectors;
    } catch (error) {
      if (!(error instanceof CircuitOpenError)) {
        this.logger.warn({
          msg: 'Embedding model call failed',
          modelId: this.embedder.modelId,
          texts: texts.length,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      throw error;
    }
  }

  /** Why a vector cannot be stored (wrong length, a NaN or infinity), or null. */
  private vectorProblem(vector: number[]): string | null {
    const { dimensions } = this.embedder;
    if (!Array.isArray(vector) || vector.length !== dimensions) {
      return `it returned ${Array.isArray(vector) ? vector.length : 'no'} values, not ${dimensions}`;
    }
    return vector.every(Number.isFinite) ? null : 'it returned a value that is not a finite number';
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
