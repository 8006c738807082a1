import { Module } from '@nestjs/common';
import { loadConfig } from '@revops/core';
import { EmbeddingConfig } from './embedding.config';
import { EMBEDDER } from './embedder.port';
import { EmbedderReadiness } from './embedder.readiness';
import { selectEmbedder } from './select-embedder';

/** The embedding model, for the embedding worker and for query-time search. */
@Module({
  providers: [
    { provide: EmbeddingConfig, useFactory: () => loadConfig(EmbeddingConfig) },
    { provide: EMBEDDER, inject: [EmbeddingConfig], useFactory: selectEmbedder },
    EmbedderReadiness,
  ],
  exports: [EMBEDDER, EmbeddingConfig],
})
export class EmbedderModule {}
