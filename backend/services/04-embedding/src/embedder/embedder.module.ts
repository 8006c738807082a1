import { Module } from '@nestjs/common';
import { loadConfig } from '@revops/core';
import { EmbeddingConfig } from './embedding.config';
import { EMBEDDER } from './embedder.port';
import { EmbedderReadiness } from './embedder.readiness';
import { QueryEmbedder } from './query.embedder';
import { selectEmbedder } from './select-embedder';

/** The embedding model, for the embedding worker and (QueryEmbedder) for query-time search. */
@Module({
  providers: [
    { provide: EmbeddingConfig, useFactory: () => loadConfig(EmbeddingConfig) },
    { provide: EMBEDDER, inject: [EmbeddingConfig], useFactory: selectEmbedder },
    EmbedderReadiness,
    QueryEmbedder,
  ],
  exports: [EMBEDDER, EmbeddingConfig, QueryEmbedder],
})
export class EmbedderModule {}
