import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotent consumers: an event id is recorded once per consumer group when its handler
 * has done its work, so a redelivered event is recognised and skipped.
 */
export class CreateConsumedEvents1795339000000 implements MigrationInterface {
  name = 'CreateConsumedEvents1795339000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ops.consumed_events (
        consumer_group text NOT NULL,
        event_id uuid NOT NULL,
        topic text NOT NULL,
        consumed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS ops.consumed_events');
  }
}
