import { MigrationInterface, QueryRunner } from 'typeorm';

/** Events waiting to be published; written in the transaction of the change they announce. */
export class CreateOutboxEvents1795331000000 implements MigrationInterface {
  name = 'CreateOutboxEvents1795331000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ops.outbox_events (
        id uuid PRIMARY KEY,
        topic text NOT NULL,
        message_key text NOT NULL,
        payload_version integer NOT NULL DEFAULT 1,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(
      'CREATE INDEX outbox_events_unpublished_idx ON ops.outbox_events (created_at) WHERE published_at IS NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS ops.outbox_events');
  }
}
