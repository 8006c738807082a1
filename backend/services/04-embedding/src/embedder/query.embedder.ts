import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { EmbeddingConfig } from './embedding.config';
import { EMBEDDER } from './embedder.port';
import type { Embedder } from './embedder.port';

interface Waiting {
  text: string;
  resolve: (vector: number[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Search queries to vectors, for query time. A vector is kept (EMBEDDING_QUERY_CACHE_SIZE,
 * least recently used out first), so the next page of a search and a repeated query do
 * not run the model again; the same query asked while it is being embedded waits for
 * that one answer. Distinct queries go to the model together: the first at once, and
 * those arriving while a model call runs wait for it to end and then go as one call (at
 * most EMBEDDING_QUERY_BATCH_MAX texts). A batch costs less than its texts one by one
 * (measured in docs/03-guides/search.md), and no query waits for a timer. A failure goes
 * to every query of its call and is not kept.
 */
@Injectable()
export class QueryEmbedder {
  private readonly vectors?: LRUCache<string, number[]>;
  private readonly inFlight = new Map<string, Promise<number[]>>();
  private queue: Waiting[] = [];
  private calling = false;
  private readonly batchMax: number;

  constructor(
    @Inject(EMBEDDER) private readonly embedder: Embedder,
    config: EmbeddingConfig,
  ) {
    const size = config.EMBEDDING_QUERY_CACHE_SIZE;
    if (size > 0) this.vectors = new LRUCache({ max: size });
    this.batchMax = config.EMBEDDING_QUERY_BATCH_MAX;
  }

  /** The model whose space the vectors are in: search compares them with its stored vectors. */
  get model(): { id: string; dimensions: number } {
    return { id: this.embedder.modelId, dimensions: this.embedder.dimensions };
  }

  /** The query's vector (L2-normalised). Do not change it: it may be shared with other callers. */
  embedQuery(text: string): Promise<number[]> {
    const key = `${this.embedder.modelId}\u0000${text}`;
    const kept = this.vectors?.get(key);
    if (kept) return Promise.resolve(kept);
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.enqueue(text).then(
        (vector) => {
          this.inFlight.delete(key);
          Object.freeze(vector);
          this.vectors?.set(key, vector);
          return vector;
        },
        (error: unknown) => {
          this.inFlight.delete(key);
          throw error;
        },
      );
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private enqueue(text: string): Promise<number[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ text, resolve, reject });
      if (!this.calling) {
        this.calling = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  /**
   * Model calls one after another while queries wait, each taking up to batchMax of them.
   * Each call starts after the event loop has read what arrived (setImmediate: the same
   * turn, no timer): a model that computes on this thread (USE-lite, ONNX) blocks the loop
   * while it runs, so requests that came meanwhile are read only after it, and join the
   * next call only if it waits for them that long.
   */
  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.batchMax);
      try {
        const vectors = await this.embedder.embed(batch.map((w) => w.text));
        if (vectors.length !== batch.length) {
          throw new Error(
            `the model ${this.embedder.modelId} returned ${vectors.length} vectors for ${batch.length} queries`,
          );
        }
        batch.forEach((waiting, i) => waiting.resolve(vectors[i]));
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.calling = false;
  }
}
