/** Turns texts into L2-normalised vectors. One model id ↔ one vector space. */
export interface Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
}

export const EMBEDDER = Symbol('EMBEDDER');
