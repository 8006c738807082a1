import { Injectable, Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { CoreConfig } from '../config/core.config';
import { METRIC_PREFIX, MetricsRegistry } from './metrics-registry';
import { OpsMetricsRepository, OpsSnapshot } from './ops-metrics.repository';
import { withTimeout } from '../resilience/with-timeout';

/**
 * Backlogs read from ops.* at scrape time, not counted in-process: they are the state of
 * the shared database, so every replica reports the same value (aggregate with max, not
 * sum) and a restart loses nothing.
 */
@Injectable()
export class OpsGauges {
  private readonly logger = new Logger(OpsGauges.name);
  private readonly up: Gauge;
  private readonly outboxBacklog: Gauge;
  private readonly outboxOldestAge: Gauge;
  private readonly deadLetters: Gauge<'consumer_group'>;
  private readonly quarantine: Gauge<'stage' | 'table'>;

  constructor(
    metrics: MetricsRegistry,
    private readonly repository: OpsMetricsRepository,
    private readonly config: CoreConfig,
  ) {
    const registers = [metrics.registry];
    this.up = new Gauge({
      name: `${METRIC_PREFIX}ops_metrics_up`,
      help: '1 when this scrape read the ops.* gauges from the database; 0 when it could not (they keep their last values)',
      registers,
    });
    this.outboxBacklog = new Gauge({
      name: `${METRIC_PREFIX}outbox_backlog_events`,
      help: 'Events in ops.outbox_events not yet published',
      registers,
    });
    this.outboxOldestAge = new Gauge({
      name: `${METRIC_PREFIX}outbox_oldest_age_seconds`,
      help: 'Age of the oldest unpublished outbox event; 0 when none waits',
      registers,
    });
    this.deadLetters = new Gauge({
      name: `${METRIC_PREFIX}dead_letter_events`,
      help: 'Dead-lettered events not yet resolved (ops.dead_letter_events), by consumer group',
      labelNames: ['consumer_group'],
      registers,
    });
    this.quarantine = new Gauge({
      name: `${METRIC_PREFIX}quarantine_rows`,
      help: 'Rows set aside in ops.quarantine and not yet resolved, by stage and table',
      labelNames: ['stage', 'table'],
      registers,
    });
  }

  /** Reads the database now; when it cannot, `up` is 0 and the gauges keep their last values. */
  async refresh(): Promise<void> {
    let snapshot: OpsSnapshot;
    try {
      snapshot = await withTimeout(this.repository.snapshot(), this.config.HEALTH_CHECK_TIMEOUT_MS);
    } catch (error) {
      this.up.set(0);
      this.logger.warn({
        msg: 'Metrics could not read ops.*',
        error: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    this.outboxBacklog.set(snapshot.outboxBacklog);
    this.outboxOldestAge.set(snapshot.outboxOldestAgeSeconds);
    // A group or table with nothing waiting any more drops out instead of staying at its last count.
    this.deadLetters.reset();
    for (const { consumerGroup, events } of snapshot.deadLetters) {
      this.deadLetters.set({ consumer_group: consumerGroup }, events);
    }
    this.quarantine.reset();
    for (const { stage, table, rows } of snapshot.quarantine) {
      this.quarantine.set({ stage, table }, rows);
    }
    this.up.set(1);
  }
}
