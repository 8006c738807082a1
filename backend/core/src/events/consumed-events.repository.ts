import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Which events each consumer group has handled (ops.consumed_events). */
@Injectable()
export class ConsumedEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async has(group: string, eventId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM ops.consumed_events WHERE consumer_group = $1 AND event_id = $2',
      [group, eventId],
    );
    return rows.length > 0;
  }

  async record(group: string, eventId: string, topic: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ops.consumed_events (consumer_group, event_id, topic) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [group, eventId, topic],
    );
  }
}
