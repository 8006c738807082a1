import { Injectable } from '@nestjs/common';
import { CircuitState, METRIC_PREFIX, MetricsRegistry } from '@revops/core';
import { Gauge } from 'prom-client';
import { EmbeddingService } from './embedding.service';

const STATES: CircuitState[] = ['closed', 'half-open', 'open'];

/**
 * The embedding model's circuit breaker in /metrics, one series per state (1 for the
 * current one), read when scraped. In-process: each replica has its own breaker.
 */
@Injectable()
export class EmbeddingMetrics {
  private readonly circuit: Gauge<'breaker' | 'state'>;

  constructor(metrics: MetricsRegistry, embedding: EmbeddingService) {
    this.circuit = new Gauge({
      name: `${METRIC_PREFIX}circuit_breaker_state`,
      help: 'Circuit breaker state (1 for the current one of closed, half-open, open), by breaker',
      labelNames: ['breaker', 'state'],
      registers: [metrics.registry],
      collect() {
        const current = embedding.modelCircuit;
        for (const state of STATES) {
          this.set({ breaker: 'embedding-model', state }, state === current ? 1 : 0);
        }
      },
    });
  }
}
