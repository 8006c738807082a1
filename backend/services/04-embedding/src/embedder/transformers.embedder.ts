import { Embedder } from './embedder.port';

export interface TransformersModelOptions {
  modelId: string;
  modelsDir: string;
  allowRemoteModels: boolean;
  quantized: boolean;
  /** BGE models use the [CLS] token; sentence encoders such as USE use the mean. */
  pooling: 'cls' | 'mean';
}

type FeatureExtractor = (
  texts: string[],
  options: { pooling: 'cls' | 'mean'; normalize: boolean },
) => Promise<{ dims: number[]; data: Float32Array }>;

/**
 * Any ONNX model in the layout @xenova/transformers expects (`MODELS_DIR/<id>/onnx/…`):
 * BGE-M3 in production, the small use-lite-en copy in tests.
 */
export class TransformersEmbedder implements Embedder {
  readonly modelId: string;
  private extractor?: Promise<FeatureExtractor>;
  private dims?: number;

  constructor(private readonly options: TransformersModelOptions) {
    this.modelId = options.modelId;
  }

  /** Known once the model has run; `load()` runs it on a probe text. */
  get dimensions(): number {
    if (this.dims === undefined) throw new Error(`${this.modelId} not loaded yet: call load()`);
    return this.dims;
  }

  async load(): Promise<this> {
    await this.embed(['dimension probe']);
    return this;
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    this.extractor ??= this.createExtractor();
    const output = await (
      await this.extractor
    )(texts, {
      pooling: this.options.pooling,
      normalize: true,
    });
    const [rows, width] = output.dims;
    this.dims = width;
    return Array.from({ length: rows }, (_, i) =>
      Array.from(output.data.subarray(i * width, (i + 1) * width)),
    );
  }

  private async createExtractor(): Promise<FeatureExtractor> {
    const { modelId, modelsDir, allowRemoteModels, quantized } = this.options;
    // The package is ESM-only; a real dynamic import keeps this file CommonJS.
    const { pipeline, env } = await import('@xenova/transformers');
    env.localModelPath = modelsDir.endsWith('/') ? modelsDir : `${modelsDir}/`;
    env.allowRemoteModels = allowRemoteModels;
    env.allowLocalModels = true;
    try {
      return (await pipeline('feature-extraction', modelId, {
        quantized,
      })) as unknown as FeatureExtractor;
    } catch (error) {
      this.extractor = undefined; // let a later call try again, e.g. once the files exist
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `Embedding model ${modelId} could not be loaded from ${modelsDir}` +
          `${allowRemoteModels ? ' or the Hugging Face hub' : ' (remote models off)'}: ${reason}`,
      );
    }
  }
}
