import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { METRIC_PREFIX, MetricsRegistry } from './metrics-registry';
import { summaryCounts } from './summary-counts';

/** Seconds, from a quick incremental run to a long backfill. */
const RUN_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 15, 30, 60, 300, 900, 1800, 3600];

export interface FinishedSync {
  source: string;
  mode: string;
  status: 'succeeded' | 'failed';
  durationMs: number;
  counts: Record<string, number>;
}

export interface FinishedJob {
  job: string;
  status: 'succeeded' | 'failed' | 'skipped';
  durationMs: number;
  summary: object;
}

/**
 * Sync and job runs (transform, validate, embed, match) finished by this process,
 * counted when each run is recorded as finished. Counted in-process, so each run is
 * counted once, by the replica that ran it, and Prometheus sums the replicas.
 */
@Injectable()
export class RunMetrics {
  private readonly syncRuns: Counter<'source' | 'mode' | 'status'>;
  private readonly syncDuration: Histogram<'source' | 'mode' | 'status'>;
  private readonly syncRows: Counter<'source' | 'outcome'>;
  private readonly jobRuns: Counter<'job' | 'status'>;
  private readonly jobDuration: Histogram<'job' | 'status'>;
  private readonly jobRows: Counter<'job' | 'count'>;

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.syncRuns = new Counter({
      name: `${METRIC_PREFIX}sync_runs_total`,
      help: 'Source syncs finished (ops.sync_runs), by source, mode and status',
      labelNames: ['source', 'mode', 'status'],
      registers,
    });
    this.syncDuration = new Histogram({
      name: `${METRIC_PREFIX}sync_run_duration_seconds`,
      help: 'How long finished source syncs took',
      labelNames: ['source', 'mode', 'status'],
      buckets: RUN_BUCKETS,
      registers,
    });
    this.syncRows = new Counter({
      name: `${METRIC_PREFIX}sync_rows_total`,
      help: 'Source rows handled by finished syncs, by source and outcome (read, inserted, updated, unchanged, deleted, quarantined)',
      labelNames: ['source', 'outcome'],
      registers,
    });
    this.jobRuns = new Counter({
      name: `${METRIC_PREFIX}job_runs_total`,
      help: 'Job runs finished (ops.job_runs: transform, validate, embed, match), by job and status',
      labelNames: ['job', 'status'],
      registers,
    });
    this.jobDuration = new Histogram({
      name: `${METRIC_PREFIX}job_run_duration_seconds`,
      help: 'How long finished job runs took',
      labelNames: ['job', 'status'],
      buckets: RUN_BUCKETS,
      registers,
    });
    this.jobRows = new Counter({
      name: `${METRIC_PREFIX}job_rows_total`,
      help: "Each numeric field of succeeded job runs' summaries (ops.job_runs.details), summed, by job and field",
      labelNames: ['job', 'count'],
      registers,
    });
  }

  syncFinished(run: FinishedSync): void {
    const labels = { source: run.source, mode: run.mode, status: run.status };
    this.syncRuns.inc(labels);
    this.syncDuration.observe(labels, run.durationMs / 1000);
    for (const [outcome, rows] of Object.entries(run.counts)) {
      this.syncRows.inc({ source: run.source, outcome }, rows);
    }
  }

  jobFinished(run: FinishedJob): void {
    const labels = { job: run.job, status: run.status };
    this.jobRuns.inc(labels);
    if (run.status === 'skipped') return;
    this.jobDuration.observe(labels, run.durationMs / 1000);
    for (const [count, value] of Object.entries(summaryCounts(run.summary))) {
      // A counter only goes up; a negative field (a difference) is not a count.
      if (value >= 0) this.jobRows.inc({ job: run.job, count }, value);
    }
  }
}
