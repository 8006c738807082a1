import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** Every series is named `revops_…`, so one scrape config can keep ours apart. */
export const METRIC_PREFIX = 'revops_';

/**
 * This process's Prometheus registry. One per app, never prom-client's global one, so
 * two apps in one process (tests) do not collide over a series name. Holds the
 * process's own series too (CPU, memory, event-loop lag, `revops_process_…`).
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
