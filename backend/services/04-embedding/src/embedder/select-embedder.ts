import { Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EmbeddingConfig } from './embedding.config';
import { Embedder } from './embedder.port';
import { TransformersEmbedder } from './transformers.embedder';
import { UseLiteEmbedder } from './use-lite.embedder';

export function poolingFor(modelId: string): 'cls' | 'mean' {
  return /bge/i.test(modelId) ? 'cls' : 'mean';
}

export function hasLocalModel(modelsDir: string, modelId: string): boolean {
  return existsSync(join(modelsDir, modelId, 'onnx'));
}

/** Picks the model once per process and says which, so nobody has to guess. */
export async function selectEmbedder(config: EmbeddingConfig): Promise<Embedder> {
  const logger = new Logger('Embedder');
  const modelsDir = resolve(config.MODELS_DIR);
  const useTransformers =
    config.EMBEDDING_PROVIDER === 'transformers' ||
    (config.EMBEDDING_PROVIDER === 'auto' && hasLocalModel(modelsDir, config.EMBEDDING_MODEL));

  if (!useTransformers) {
    if (config.EMBEDDING_PROVIDER === 'auto') {
      logger.warn({
        msg:
          `${config.EMBEDDING_MODEL} not found in ${modelsDir}; using the offline default ` +
          `use-lite-en (512 dims, English). Put the ONNX model in ${modelsDir}/` +
          `${config.EMBEDDING_MODEL} to use it.`,
      });
    }
    const embedder = new UseLiteEmbedder();
    logger.log({ msg: 'Embedding model in use', modelId: embedder.modelId, dimensions: 512 });
    return embedder;
  }

  const embedder = await new TransformersEmbedder({
    modelId: config.EMBEDDING_MODEL,
    modelsDir,
    allowRemoteModels: config.ALLOW_REMOTE_MODELS,
    quantized: config.EMBEDDING_QUANTIZED,
    pooling: poolingFor(config.EMBEDDING_MODEL),
  }).load();
  logger.log({
    msg: 'Embedding model in use',
    modelId: embedder.modelId,
    dimensions: embedder.dimensions,
    runtime: '@xenova/transformers',
  });
  return embedder;
}
