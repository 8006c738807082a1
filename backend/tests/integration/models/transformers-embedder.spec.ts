import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TransformersEmbedder, UseLiteEmbedder } from '@revops/embedding';
import { SHARED_DIR } from '../../fixtures/paths';

const MODELS_DIR = join(SHARED_DIR, 'models');
const texts = [
  'Data warehouse migration to Amazon Redshift for a retailer',
  'Contact center modernisation with Amazon Connect',
  'Hospital moves its electronic health records to AWS',
];

function cosine(a: number[], b: number[]): number {
  return a.reduce((sum, x, i) => sum + x * b[i], 0);
}

describe('TransformersEmbedder on shared/models/use-lite-en', () => {
  beforeAll(() => {
    // The model is part of the workplace's shared folder; without it this tier is broken.
    if (!existsSync(join(MODELS_DIR, 'use-lite-en', 'onnx'))) {
      throw new Error(`use-lite-en not found under ${MODELS_DIR} (set SHARED_DIR)`);
    }
  });

  it('loads the local ONNX model offline and reports its dimension', async () => {
    const embedder = await new TransformersEmbedder({
      modelId: 'use-lite-en',
      modelsDir: MODELS_DIR,
      allowRemoteModels: false,
      quantized: false,
      pooling: 'mean',
    }).load();
    expect(embedder.modelId).toBe('use-lite-en');
    expect(embedder.dimensions).toBe(512);
  });

  it.each([
    ['fp32', false],
    ['int8', true],
  ])(
    'gives the same vectors as the npm-shipped USE-lite (%s weights)',
    async (_label, quantized) => {
      const onnx = new TransformersEmbedder({
        modelId: 'use-lite-en',
        modelsDir: MODELS_DIR,
        allowRemoteModels: false,
        quantized,
        pooling: 'mean',
      });
      const [viaOnnx, viaTfjs] = await Promise.all([
        onnx.embed(texts),
        new UseLiteEmbedder().embed(texts),
      ]);
      for (let i = 0; i < texts.length; i++) {
        expect(viaOnnx[i]).toHaveLength(512);
        expect(cosine(viaOnnx[i], viaTfjs[i])).toBeGreaterThanOrEqual(0.999);
      }
      // And different texts stay different: the vectors carry meaning, not a constant.
      expect(cosine(viaOnnx[0], viaOnnx[1])).toBeLessThan(0.9);
    },
  );

  it('fails clearly when the model is missing and remote models are off', async () => {
    const missing = new TransformersEmbedder({
      modelId: 'no-such-model',
      modelsDir: MODELS_DIR,
      allowRemoteModels: false,
      quantized: true,
      pooling: 'mean',
    });
    await expect(missing.embed(['x'])).rejects.toThrow(
      /no-such-model could not be loaded from .*models \(remote models off\)/,
    );
  });
});
