import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ExternalIdKeys } from '../connectors/odoo-external-ids';

/** ops.odoo_external_ids: the keys of Odoo records known by External ID only. */
@Injectable()
export class OdooExternalIdsRepository implements ExternalIdKeys {
  constructor(private readonly dataSource: DataSource) {}

  async keysFor(sourceTable: string, externalIds: string[]): Promise<Map<string, number>> {
    const wanted = [...new Set(externalIds)];
    if (wanted.length === 0) return new Map();
    // Only ids not yet known take a sequence value: a resync allocates nothing.
    await this.dataSource.query(
      `INSERT INTO ops.odoo_external_ids (source_table, external_id, id)
       SELECT $1, x, nextval('ops.odoo_external_id_seq')
         FROM unnest($2::text[]) x
        WHERE NOT EXISTS (
          SELECT 1 FROM ops.odoo_external_ids k WHERE k.source_table = $1 AND k.external_id = x)
       ON CONFLICT DO NOTHING`,
      [sourceTable, wanted],
    );
    const rows: { external_id: string; id: number }[] = await this.dataSource.query(
      `SELECT external_id, id FROM ops.odoo_external_ids
        WHERE source_table = $1 AND external_id = ANY($2::text[])`,
      [sourceTable, wanted],
    );
    return new Map(rows.map((row) => [row.external_id, Number(row.id)]));
  }

  async remember(sourceTable: string, pairs: Map<string, number>): Promise<void> {
    if (pairs.size === 0) return;
    await this.dataSource.query(
      `INSERT INTO ops.odoo_external_ids (source_table, external_id, id)
       SELECT $1, x, i FROM unnest($2::text[], $3::int[]) AS u(x, i)
       ON CONFLICT (source_table, external_id) DO UPDATE SET id = EXCLUDED.id
         WHERE ops.odoo_external_ids.id IS DISTINCT FROM EXCLUDED.id`,
      [sourceTable, [...pairs.keys()], [...pairs.values()]],
    );
  }
}
