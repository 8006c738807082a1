import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ReadinessService } from '@revops/core';
import { EMBEDDER } from './embedder.port';
import type { Embedder } from './embedder.port';

/**
 * The embedder in /health/ready: one short text through the model, directly (not
 * through the worker's circuit breaker), so a model that cannot answer in time — still
 * loading, or its inference server down — makes the process not ready.
 */
@Injectable()
export class EmbedderReadiness implements OnModuleInit {
  constructor(
    @Inject(EMBEDDER) private readonly embedder: Embedder,
    private readonly readiness: ReadinessService,
  ) {}

  onModuleInit(): void {
    this.readiness.register('embedder', () => this.embedder.embed(['readiness check']));
  }
}
