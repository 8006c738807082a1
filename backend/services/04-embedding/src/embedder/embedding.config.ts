import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Max, Min } from 'class-validator';
import { toBoolean } from '@revops/core';

/** Which model embeds opportunities and queries. See .env.example. */
export class EmbeddingConfig {
  /** auto: the transformers model when its files are in MODELS_DIR, else the offline default. */
  @IsIn(['auto', 'transformers', 'use-lite'], { message: 'must be auto, transformers or use-lite' })
  EMBEDDING_PROVIDER: 'auto' | 'transformers' | 'use-lite' = 'auto';

  /** A Hugging Face model id, looked up as MODELS_DIR/<id>. */
  @IsString()
  EMBEDDING_MODEL: string = 'Xenova/bge-m3';

  @IsString()
  MODELS_DIR: string = 'models';

  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  ALLOW_REMOTE_MODELS: boolean = false;

  /** int8 weights (model_quantized.onnx): about 3x faster, cosine ≥ 0.999 to fp32. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  EMBEDDING_QUANTIZED: boolean = true;

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
}
