import { Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EmbeddingConfig } from './embedding.config';
import { Embedder } from './embedder.port';
import { HttpEmbedder } from './http.embedder';
import { InProcessModel, loadInProcessModel } from './in-process-model';

export function poolingFor(modelId: string): 'cls' | 'mean' {
  return /bge/i.test(modelId) ? 'cls' : 'mean';
}

export function hasLocalModel(modelsDir: string, modelId: string): boolean {
  return existsSync(join(modelsDir, modelId, 'onnx'));
}

/**
 * Picks the model once per process and says which, so nobody has to guess. With
 * EMBEDDING_DIMENSIONS set, a model whose vectors have another size stops the process.
 */
export async function selectEmbedder(config: EmbeddingConfig): Promise<Embedder> {
  const embedder = await chooseEmbedder(config, new Logger('Embedder'));
  checkDimensions(config, embedder);
  return embedder;
}

async function chooseEmbedder(config: EmbeddingConfig, logger: Logger): Promise<Embedder> {
  if (config.EMBEDDING_PROVIDER === 'http') return httpEmbedder(config, logger);
  const model = inProcessModel(config, logger);
  const embedder = await loadInProcessModel(model);
  logger.log({
    msg: 'Embedding model in use',
    modelId: embedder.modelId,
    dimensions: embedder.dimensions,
    runtime: model.runtime === 'use-lite' ? '@energetic-ai (TF.js)' : '@xenova/transformers',
  });
  return embedder;
}

/** The ONNX model in MODELS_DIR when asked for (or, with auto, when it is there), else USE-lite. */
function inProcessModel(config: EmbeddingConfig, logger: Logger): InProcessModel {
  const modelsDir = resolve(config.MODELS_DIR);
  const useTransformers =
    config.EMBEDDING_PROVIDER === 'transformers' ||
    (config.EMBEDDING_PROVIDER === 'auto' && hasLocalModel(modelsDir, config.EMBEDDING_MODEL));
  if (useTransformers) {
    return {
      runtime: 'transformers',
      options: {
        modelId: config.EMBEDDING_MODEL,
        modelsDir,
        allowRemoteModels: config.ALLOW_REMOTE_MODELS,
        quantized: config.EMBEDDING_QUANTIZED,
        pooling: poolingFor(config.EMBEDDING_MODEL),
      },
    };
  }
  if (config.EMBEDDING_PROVIDER === 'auto') {
    logger.warn({
      msg:
        `${config.EMBEDDING_MODEL} not found in ${modelsDir}; using the offline default ` +
        `use-lite-en (512 dims, English). Put the ONNX model in ${modelsDir}/` +
        `${config.EMBEDDING_MODEL} to use it.`,
    });
  }
  return { runtime: 'use-lite' };
}

/** The inference server, asked once at start for one vector: it must answer, and its size. */
async function httpEmbedder(config: EmbeddingConfig, logger: Logger): Promise<Embedder> {
  const embedder = new HttpEmbedder({
    url: config.EMBEDDING_HTTP_URL!,
    protocol: config.EMBEDDING_HTTP_PROTOCOL,
    modelId: config.EMBEDDING_MODEL,
    apiKey: config.EMBEDDING_HTTP_API_KEY,
    timeoutMs: config.EMBEDDING_HTTP_TIMEOUT_MS,
    batchSize: config.EMBEDDING_BATCH_SIZE,
    retries: config.EMBEDDING_HTTP_RETRIES,
  });
  try {
    await embedder.load();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `EMBEDDING_PROVIDER=http: the inference server (EMBEDDING_HTTP_URL, protocol ` +
        `${config.EMBEDDING_HTTP_PROTOCOL}) did not embed a probe text: ${reason}`,
    );
  }
  logger.log({
    msg: 'Embedding model in use',
    modelId: embedder.modelId,
    dimensions: embedder.dimensions,
    runtime: `http (${config.EMBEDDING_HTTP_PROTOCOL})`,
  });
  return embedder;
}

function checkDimensions(config: EmbeddingConfig, embedder: Embedder): void {
  const expected = config.EMBEDDING_DIMENSIONS;
  if (expected === undefined || expected === embedder.dimensions) return;
  throw new Error(
    `EMBEDDING_DIMENSIONS=${expected}, but the model EMBEDDING_MODEL=${embedder.modelId} ` +
      `(EMBEDDING_PROVIDER=${config.EMBEDDING_PROVIDER}) gives vectors of ` +
      `${embedder.dimensions} dimensions: set EMBEDDING_DIMENSIONS=${embedder.dimensions}, ` +
      'or point the provider at the model the stored vectors were made with',
  );
}
