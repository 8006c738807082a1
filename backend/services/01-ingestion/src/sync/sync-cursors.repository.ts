import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CursorValues } from './cursor';

@Injectable()
export class SyncCursorsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get(source: string, table: string): Promise<CursorValues | null> {
    const rows: { position: CursorValues }[] = await this.dataSource.query(
      'SELECT position FROM ops.sync_cursors WHERE source = $1 AND source_table = $2',
      [source, table],
    );
    return rows[0]?.position ?? null;
  }

  /** Called inside the batch's transaction: the cursor never runs ahead of committed rows. */
  async save(
    manager: EntityManager,
    cursor: { source: string; table: string; position: CursorValues; syncRunId: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ops.sync_cursors (source, source_table, position, sync_run_id)
       VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (source, source_table)
       DO UPDATE SET position = EXCLUDED.position, sync_run_id = EXCLUDED.sync_run_id, updated_at = now()`,
      [cursor.source, cursor.table, JSON.stringify(cursor.position), cursor.syncRunId],
    );
  }
}
