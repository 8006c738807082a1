import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** Every series is named `revops_…`, so one scrape config can keep ours apart. */
export const METRIC_PREFIX = 'revops_';

let processRegistry: Registry | undefined;

/**
 * The process's own series (CPU, memory, event-loop lag, GC: `revops_process_…`,
 * `revops_nodejs_…`), collected once per process: each collectDefaultMetrics call starts
 * an event-loop monitor and a GC observer that nothing stops, so one per app would pile
 * up wherever several apps live in one process (tests, scripts). Started by the first
 * /metrics endpoint, so never in a script's application context, which has none.
 */
export function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: METRIC_PREFIX });
  }
  return processRegistry;
}

/**
 * This app's Prometheus registry. One per app, never prom-client's global one, so two
 * apps in one process (tests) do not collide over a series name; /metrics serves it
 * merged with the process's series.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  get contentType(): string {
    return this.registry.contentType;
  }

  /** This app's series and the process's, in Prometheus text format. */
  text(): Promise<string> {
    return Registry.merge([processMetrics(), this.registry]).metrics();
  }
}
