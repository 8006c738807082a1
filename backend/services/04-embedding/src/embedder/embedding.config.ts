import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { toBoolean } from '@revops/core';

export const EMBEDDING_PROVIDERS = ['auto', 'transformers', 'use-lite', 'http'] as const;
export type EmbeddingProvider = (typeof EMBEDDING_PROVIDERS)[number];

/** Which model embeds opportunities and queries. See .env.example. */
export class EmbeddingConfig {
  /**
   * auto: the transformers model when its files are in MODELS_DIR, else the offline
   * default. http: an inference server at EMBEDDING_HTTP_URL.
   */
  @IsIn(EMBEDDING_PROVIDERS, { message: 'must be auto, transformers, use-lite or http' })
  EMBEDDING_PROVIDER: EmbeddingProvider = 'auto';

  /**
   * A Hugging Face model id, looked up as MODELS_DIR/<id>; with http, the id the server
   * serves. Stored with every vector: one id, one vector space.
   */
  @IsString()
  EMBEDDING_MODEL: string = 'Xenova/bge-m3';

  /** When set, the model's vectors must have this many dimensions, or the process stops. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  EMBEDDING_DIMENSIONS?: number;

  @IsString()
  MODELS_DIR: string = 'models';

  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  ALLOW_REMOTE_MODELS: boolean = false;

  /** int8 weights (model_quantized.onnx): about 3x faster, cosine ≥ 0.999 to fp32. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  EMBEDDING_QUANTIZED: boolean = true;

  /** Texts per model call (per HTTP request with http). */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(512, { message: 'must be at most 512' })
  EMBEDDING_BATCH_SIZE: number = 32;

  /** Consecutive failed model calls after which the worker pauses. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  EMBEDDING_MAX_FAILURES: number = 3;

  /** How long a paused worker waits before trying the model again. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  EMBEDDING_PAUSE_SECONDS: number = 60;

  /** Query vectors kept for paging and repeated searches (model + text); 0: none kept. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(0, { message: 'must be at least 0' })
  @Max(1_000_000, { message: 'must be at most 1000000' })
  EMBEDDING_QUERY_CACHE_SIZE: number = 1000;

  /** Most search queries embedded in one model call; 1: each query alone. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(512, { message: 'must be at most 512' })
  EMBEDDING_QUERY_BATCH_MAX: number = 32;

  /** The inference server's base URL, e.g. http://tei:8080 (EMBEDDING_PROVIDER=http). */
  @ValidateIf((c: EmbeddingConfig) => c.EMBEDDING_PROVIDER === 'http')
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'must be the http(s) URL of the inference server when EMBEDDING_PROVIDER=http' },
  )
  EMBEDDING_HTTP_URL?: string;

  /** tei: POST /embed (text-embeddings-inference); openai: POST /v1/embeddings. */
  @IsIn(['tei', 'openai'], { message: 'must be tei or openai' })
  EMBEDDING_HTTP_PROTOCOL: 'tei' | 'openai' = 'tei';

  /** Sent as `Authorization: Bearer …` when set. */
  @IsOptional()
  @IsString()
  EMBEDDING_HTTP_API_KEY?: string;

  /** How long one request may take before it is abandoned (and retried). */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(100, { message: 'must be at least 100' })
  EMBEDDING_HTTP_TIMEOUT_MS: number = 30_000;

  /** Further tries of a request answered 5xx or 429, or lost on the network; 0: none. */
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(0, { message: 'must be at least 0' })
  @Max(10, { message: 'must be at most 10' })
  EMBEDDING_HTTP_RETRIES: number = 2;
}
