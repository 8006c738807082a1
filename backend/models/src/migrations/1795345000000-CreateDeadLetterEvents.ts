import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed event handling, per consumer group: a row from an event's first failed attempt,
 * counting attempts (redelivery can land on another replica, so the count lives here), and
 * dead-lettered (`dead_lettered_at`) when the attempts run out. A dead-lettered event is
 * acknowledged without running its handler again until an operator deals with it.
 */
export class CreateDeadLetterEvents1795345000000 implements MigrationInterface {
  name = 'CreateDeadLetterEvents1795345000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ops.dead_letter_events (
        consumer_group text NOT NULL,
        event_id uuid NOT NULL,
        topic text NOT NULL,
        payload_version integer NOT NULL,
        payload jsonb NOT NULL,
        attempts integer NOT NULL,
        last_error text NOT NULL,
        first_failed_at timestamptz NOT NULL DEFAULT now(),
        last_failed_at timestamptz NOT NULL DEFAULT now(),
        dead_lettered_at timestamptz,
        resolved_at timestamptz,
        PRIMARY KEY (consumer_group, event_id)
      )`);
    // What ops looks at: dead letters nobody has dealt with yet.
    await q.query(`
      CREATE INDEX dead_letter_events_open_idx ON ops.dead_letter_events (dead_lettered_at)
       WHERE dead_lettered_at IS NOT NULL AND resolved_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS ops.dead_letter_events');
  }
}
