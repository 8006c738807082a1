import { describeUrl } from '@revops/core';
import { Pool, types } from 'pg';
import { RawColumnType, RawTableSpec } from '../raw/raw-table-spec';
import { PageRequest, SourceConnector } from './source-connector';

const CASTS: Partial<Record<RawColumnType, string>> = {
  integer: 'bigint',
  text: 'text',
  timestamp: 'timestamp',
  timestamptz: 'timestamptz',
  date: 'date',
};

/** Dates and timestamps exactly as stored: no conversion through the local time zone. */
const AS_TEXT = new Set([
  types.builtins.DATE,
  types.builtins.TIMESTAMP,
  types.builtins.TIMESTAMPTZ,
]);

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/** Odoo's or an APN PostgreSQL database, read-only, tables in one schema. */
export class PostgresSourceConnector implements SourceConnector {
  readonly description: string;
  private readonly pool: Pool;

  constructor(
    readonly source: 'odoo' | 'apn',
    url: string,
    private readonly schema = 'public',
  ) {
    this.description = `${source}-db ${describeUrl(url)} schema ${schema}`;
    this.pool = new Pool({
      connectionString: url,
      max: 2,
      application_name: `revops-ingestion-${source}`,
      // Never write to a source, whatever the credentials allow.
      options: '-c default_transaction_read_only=on',
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          AS_TEXT.has(oid)
            ? (value: string) => value
            : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
      },
    });
  }

  async availableTables(tables: RawTableSpec[]): Promise<RawTableSpec[]> {
    const { rows } = await this.pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1`,
      [this.schema],
    );
    const present = new Set(rows.map((row) => row.table_name));
    return tables.filter((table) => present.has(table.sourceTable));
  }

  async readPage(table: RawTableSpec, page: PageRequest): Promise<Record<string, unknown>[]> {
    const cast = (column: string): string => {
      const type = CASTS[table.columns[column]];
      if (!type) throw new Error(`${table.sourceTable}.${column} cannot order a sync`);
      return type;
    };
    const order = page.order.map(quote);
    let where = 'TRUE';
    let params: unknown[] = [];
    if (page.after) {
      const placeholders = page.order.map((c, i) => `$${i + 1}::${cast(c)}`);
      where = `(${order.join(', ')}) > (${placeholders.join(', ')})`;
      params = page.after;
    } else if (page.from !== undefined) {
      where = `${order[0]} >= $1::${cast(page.order[0])}`;
      params = [page.from];
    }
    const { rows } = await this.pool.query(
      `SELECT * FROM ${quote(this.schema)}.${quote(table.sourceTable)}
        WHERE ${where} ORDER BY ${order.join(', ')} LIMIT ${Math.trunc(page.limit)}`,
      params,
    );
    return rows;
  }

  async readKeys(table: RawTableSpec): Promise<string[]> {
    const key = `concat_ws(':', ${table.primaryKey.map(quote).join(', ')})`;
    const { rows } = await this.pool.query<{ key: string }>(
      `SELECT ${key} AS key FROM ${quote(this.schema)}.${quote(table.sourceTable)}`,
    );
    return rows.map((row) => row.key);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
