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

const TIMES = new Set(['timestamp', 'timestamptz', 'date']);

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

  /**
   * A page in `order`. A NULL timestamp sorts first, as -infinity, on both sides of the
   * comparison: SQL's row comparison is NULL for such rows, and they would never be read.
   */
  async readPage(table: RawTableSpec, page: PageRequest): Promise<Record<string, unknown>[]> {
    const typeOf = (column: string): string => {
      const type = CASTS[table.columns[column]];
      if (!type) throw new Error(`${table.sourceTable}.${column} cannot order a sync`);
      return type;
    };
    const isTime = (column: string): boolean => TIMES.has(typeOf(column));
    const key = (column: string): string =>
      isTime(column) ? `COALESCE(${quote(column)}, '-infinity'::${typeOf(column)})` : quote(column);
    const value = (column: string, n: number): string =>
      isTime(column)
        ? `COALESCE(NULLIF($${n}::text, '')::${typeOf(column)}, '-infinity'::${typeOf(column)})`
        : `$${n}::${typeOf(column)}`;
    const order = page.order.map(key);
    let where = 'TRUE';
    let params: unknown[] = [];
    if (page.after) {
      where = `(${order.join(', ')}) > (${page.order.map((c, i) => value(c, i + 1)).join(', ')})`;
      params = page.after;
    } else if (page.from !== undefined) {
      where = `${order[0]} >= ${value(page.order[0], 1)}`;
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
