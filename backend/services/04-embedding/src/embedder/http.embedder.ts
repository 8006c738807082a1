import { Logger } from '@nestjs/common';
import { chunk, withRetry } from '@revops/core';
import { Embedder } from './embedder.port';
import { normalise } from './normalise';

export type EmbeddingHttpProtocol = 'tei' | 'openai';

export interface HttpEmbedderOptions {
  /** Base URL of the server, e.g. http://tei:8080. */
  url: string;
  /** tei: text-embeddings-inference `POST /embed`; openai: `POST /v1/embeddings`. */
  protocol: EmbeddingHttpProtocol;
  /** The served model: sent to OpenAI-compatible servers, stored with every vector. */
  modelId: string;
  apiKey?: string;
  timeoutMs: number;
  /** Most texts per request; more are sent as several requests, one after another. */
  batchSize: number;
  /** Further tries of a request answered 5xx or 429, or lost on the network. */
  retries: number;
  retryBaseDelayMs?: number;
  fetch?: typeof fetch;
}

/** A request the server refused or never answered; `retryable` when trying again may help. */
export class EmbeddingHttpError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'EmbeddingHttpError';
  }
}

interface OpenAiEmbeddings {
  data: { embedding: number[]; index: number }[];
}

/**
 * A model behind an inference server, so a large model (BGE-M3 on a GPU) runs apart from
 * the services: Hugging Face text-embeddings-inference, or any OpenAI-compatible server
 * (Infinity, vLLM, Ollama). Vectors are L2-normalised here whatever the server does.
 */
export class HttpEmbedder implements Embedder {
  readonly modelId: string;
  private readonly logger = new Logger(HttpEmbedder.name);
  private readonly endpoint: string;
  private readonly fetch: typeof fetch;
  private dims?: number;

  constructor(private readonly options: HttpEmbedderOptions) {
    this.modelId = options.modelId;
    this.endpoint = endpointOf(options.url, options.protocol);
    this.fetch = options.fetch ?? fetch;
  }

  /** Known once the server has answered; `load()` sends it a probe text. */
  get dimensions(): number {
    if (this.dims === undefined) throw new Error(`${this.modelId} not loaded yet: call load()`);
    return this.dims;
  }

  async load(): Promise<this> {
    await this.embed(['dimension probe']);
    return this;
  }

  async embed(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (const batch of chunk(texts, this.options.batchSize)) {
      vectors.push(...(await this.request(batch)));
    }
    return vectors;
  }

  private request(texts: string[]): Promise<number[][]> {
    return withRetry(() => this.send(texts), {
      attempts: this.options.retries + 1,
      baseDelayMs: this.options.retryBaseDelayMs ?? 250,
      maxDelayMs: 5_000,
      retryable: (error) => error instanceof EmbeddingHttpError && error.retryable,
      onRetry: (error, attempt, delayMs) =>
        this.logger.warn({
          msg: 'Embedding server request failed; trying again',
          endpoint: this.endpoint,
          attempt,
          delayMs,
          error: error instanceof Error ? error.message : String(error),
        }),
    });
  }

  private async send(texts: string[]): Promise<number[][]> {
    const { protocol, apiKey, timeoutMs } = this.options;
    const body =
      protocol === 'tei'
        ? { inputs: texts, normalize: true }
        : { model: this.modelId, input: texts };
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      // Not `instanceof Error`: fetch's DOMException may come from another realm.
      const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
      const reason = timedOut ? `no answer within ${timeoutMs} ms` : networkReason(error);
      throw new EmbeddingHttpError(
        this.redact(`Embedding server ${this.endpoint}: ${reason}`),
        true,
      );
    }
    if (!response.ok) {
      const status = `${response.status} ${response.statusText}`.trim();
      throw new EmbeddingHttpError(
        this.redact(`Embedding server ${this.endpoint} answered ${status}: ${text.slice(0, 300)}`),
        response.status >= 500 || response.status === 429,
        response.status,
      );
    }
    return this.vectorsOf(text, texts.length);
  }

  /** The answer's vectors in the order of the texts, normalised; a clear error if malformed. */
  private vectorsOf(text: string, count: number): number[][] {
    const malformed = (what: string) =>
      new EmbeddingHttpError(
        `Embedding server ${this.endpoint} sent ${what} (protocol ${this.options.protocol})`,
        false,
      );
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      throw malformed('an answer that is not JSON');
    }
    let vectors: unknown[];
    if (this.options.protocol === 'tei') {
      if (!Array.isArray(answer)) throw malformed('no array of vectors');
      vectors = answer;
    } else {
      const data = (answer as Partial<OpenAiEmbeddings> | null)?.data;
      if (!Array.isArray(data)) throw malformed('no `data` array');
      vectors = [...data].sort((a, b) => a.index - b.index).map((item) => item?.embedding);
    }
    if (vectors.length !== count) {
      throw malformed(`${vectors.length} vectors for ${count} texts`);
    }
    if (!vectors.every((v) => Array.isArray(v) && v.length > 0)) {
      throw malformed('a vector that is not a list of numbers');
    }
    this.dims = (vectors[0] as number[]).length;
    return (vectors as number[][]).map(normalise);
  }

  /** A server that echoes the request's headers must not put the key in a log. */
  private redact(message: string): string {
    const { apiKey } = this.options;
    return apiKey ? message.split(apiKey).join('[redacted]') : message;
  }
}

/** `POST {url}/embed` or `POST {url}/v1/embeddings`; a URL already ending in /v1 is kept. */
export function endpointOf(url: string, protocol: EmbeddingHttpProtocol): string {
  const base = url.replace(/\/+$/, '');
  if (protocol === 'tei') return `${base}/embed`;
  return base.endsWith('/v1') ? `${base}/embeddings` : `${base}/v1/embeddings`;
}

/** fetch says "fetch failed"; the reason (ECONNREFUSED, a reset) is in its cause. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  return (error as { message?: string } | null)?.message ?? String(error);
}
