import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How far each source table has been read: the cursor columns' values of the last row
 * committed, written in the same transaction as that row's batch.
 */
export class CreateSyncCursors1795330000000 implements MigrationInterface {
  name = 'CreateSyncCursors1795330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ops.sync_cursors (
        source text NOT NULL,
        source_table text NOT NULL,
        position jsonb NOT NULL,
        sync_run_id bigint REFERENCES ops.sync_runs (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source, source_table)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS ops.sync_cursors');
  }
}
