import { Inject, Injectable, Optional } from '@nestjs/common';
import { EMBEDDER, EmbeddingService, EmbeddingsRepository } from '@revops/embedding';
import type { Embedder } from '@revops/embedding';
import { EmbeddingStateDto } from './status.dto';

/** Where the search documents stand with the model, and the model's circuit when it is here. */
@Injectable()
export class EmbeddingStateService {
  constructor(
    @Inject(EMBEDDER) private readonly embedder: Embedder,
    private readonly embeddings: EmbeddingsRepository,
    // Only in a process that runs the embedding worker (OpsApiModule.withEmbeddingWorker()).
    @Optional() private readonly worker?: EmbeddingService,
  ) {}

  async state(): Promise<EmbeddingStateDto> {
    const { modelId } = this.embedder;
    return {
      modelId,
      ...(await this.embeddings.backlog(modelId)),
      modelCircuit: this.worker?.modelCircuit ?? null,
      runBy: this.worker ? 'this-process' : 'embedding-service',
    };
  }
}
