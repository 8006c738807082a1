import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * RAW tables lose their index on the source cursor (`write_date, id` and the like). Only
 * the source is read in cursor order; RAW is written by key and read by key or whole
 * (transformation compares hashes, reconciliation compares key sets), so the index only
 * cost every synced row a second B-tree insert.
 */
export class DropRawCursorIndexes1795335000000 implements MigrationInterface {
  name = 'DropRawCursorIndexes1795335000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE index_name text;
      BEGIN
        FOR index_name IN
          SELECT indexname FROM pg_indexes
           WHERE schemaname = 'raw' AND indexname LIKE '%\\_cursor\\_idx'
        LOOP
          EXECUTE format('DROP INDEX raw.%I', index_name);
        END LOOP;
      END $$`);
  }

  /** Back to one index per table on its cursor: Odoo's write_date, Partner Central's last_modified_date. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE t record;
      BEGIN
        FOR t IN
          SELECT c.table_name, c.column_name FROM information_schema.columns c
           WHERE c.table_schema = 'raw' AND c.column_name IN ('write_date', 'last_modified_date')
             AND EXISTS (SELECT 1 FROM information_schema.columns k
                          WHERE k.table_schema = 'raw' AND k.table_name = c.table_name
                            AND k.column_name = 'id')
        LOOP
          EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON raw.%I (%I, id)',
                         t.table_name || '_cursor_idx', t.table_name, t.column_name);
        END LOOP;
      END $$`);
  }
}
