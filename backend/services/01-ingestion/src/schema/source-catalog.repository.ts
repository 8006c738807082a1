import { Client } from 'pg';
import { columnTypeFromCatalog, DiscoveredColumn } from './discovery';

export interface LiveTable {
  table: string;
  columns: DiscoveredColumn[];
  primaryKey: string[];
}

/**
 * Reads table shapes from a source database's catalog (Odoo's or an APN database),
 * read-only. Used by the discovery script; the platform's own database is not involved.
 */
export class SourceCatalogRepository {
  constructor(private readonly client: Client) {}

  async tables(schema: string, names: string[]): Promise<LiveTable[]> {
    const { rows } = await this.client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: 'YES' | 'NO';
      is_key: boolean;
    }>(
      `SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable,
              EXISTS (SELECT 1 FROM information_schema.table_constraints t
                        JOIN information_schema.key_column_usage k
                          ON k.constraint_name = t.constraint_name
                         AND k.table_schema = t.table_schema AND k.table_name = t.table_name
                       WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = c.table_schema
                         AND t.table_name = c.table_name AND k.column_name = c.column_name) AS is_key
         FROM information_schema.columns c
        WHERE c.table_schema = $1 AND c.table_name = ANY ($2)
        ORDER BY c.table_name, c.ordinal_position`,
      [schema, names],
    );
    const byTable = new Map<string, LiveTable>();
    for (const row of rows) {
      const table = byTable.get(row.table_name) ?? {
        table: row.table_name,
        columns: [],
        primaryKey: [],
      };
      table.columns.push({
        name: row.column_name,
        type: columnTypeFromCatalog(row.data_type, row.udt_name),
        nullable: row.is_nullable === 'YES',
      });
      if (row.is_key) table.primaryKey.push(row.column_name);
      byTable.set(row.table_name, table);
    }
    return names.flatMap((name) => byTable.get(name) ?? []);
  }
}
