import { Embedder } from './embedder.port';
import { TransformersEmbedder, TransformersModelOptions } from './transformers.embedder';
import { UseLiteEmbedder } from './use-lite.embedder';

/** A model this process runs itself. */
export type InProcessModel =
  { runtime: 'use-lite' } | { runtime: 'transformers'; options: TransformersModelOptions };

/** The model, loaded (its dimension known). */
export async function loadInProcessModel(model: InProcessModel): Promise<Embedder> {
  if (model.runtime === 'use-lite') return new UseLiteEmbedder();
  return new TransformersEmbedder(model.options).load();
}
