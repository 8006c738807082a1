import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ReadinessChecks } from '@revops/core';
import { EMBEDDER } from './embedder.port';
import type { Embedder } from './embedder.port';

/**
 * How long a successful embedder check stands before /health/ready runs another
 * inference. The route is public and not rate-limited: without this, each probe costs a
 * model inference, so a flood of probes is a CPU denial of service. 10 s is at most one
 * inference per usual probe period, and a model that goes away is reported within 10 s
 * plus HEALTH_CHECK_TIMEOUT_MS. Failures are never reused.
 */
export const EMBEDDER_READY_REUSE_MS = 10_000;

/**
 * The embedder in /health/ready: one short text through the model, directly (not
 * through the worker's circuit breaker), so a model that cannot answer in time — still
 * loading, or its inference server down — makes the process not ready.
 */
@Injectable()
export class EmbedderReadiness implements OnModuleInit {
  constructor(
    @Inject(EMBEDDER) private readonly embedder: Embedder,
    private readonly readiness: ReadinessChecks,
  ) {}

  onModuleInit(): void {
    this.readiness.register('embedder', () => this.embedder.embed(['readiness check']), {
      reuseSuccessMs: EMBEDDER_READY_REUSE_MS,
    });
  }
}
