import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface OpsSnapshot {
  outboxBacklog: number;
  /** Seconds since the oldest unpublished event was written; 0 when none waits. */
  outboxOldestAgeSeconds: number;
  /** Dead-lettered events no operator has resolved, per consumer group. */
  deadLetters: { consumerGroup: string; events: number }[];
  /** Rows set aside and not yet resolved, per stage and table. */
  quarantine: { stage: string; table: string; rows: number }[];
}

const SNAPSHOT = `
  SELECT (SELECT count(*)::int FROM ops.outbox_events WHERE published_at IS NULL) AS "outboxBacklog",
         (SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8
            FROM ops.outbox_events WHERE published_at IS NULL) AS "outboxOldestAgeSeconds",
         (SELECT coalesce(jsonb_agg(jsonb_build_object('consumerGroup', consumer_group, 'events', n)), '[]')
            FROM (SELECT consumer_group, count(*)::int AS n FROM ops.dead_letter_events
                   WHERE dead_lettered_at IS NOT NULL AND resolved_at IS NULL
                   GROUP BY consumer_group) d) AS "deadLetters",
         (SELECT coalesce(jsonb_agg(jsonb_build_object('stage', stage, 'table', source_table, 'rows', n)), '[]')
            FROM (SELECT stage, source_table, count(*)::int AS n FROM ops.quarantine
                   WHERE resolved_at IS NULL
                   GROUP BY stage, source_table) q) AS quarantine`;

/** What /metrics reads from ops.* at scrape time: one statement, on partial indexes. */
@Injectable()
export class OpsMetricsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async snapshot(): Promise<OpsSnapshot> {
    const [row]: OpsSnapshot[] = await this.dataSource.query(SNAPSHOT);
    return row;
  }
}
