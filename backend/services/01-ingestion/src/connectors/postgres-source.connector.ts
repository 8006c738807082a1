import { describeUrl } from '@revops/core';
import { escapeLiteral, Pool, types } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { CopyTextPage } from '../raw/copy-text';
import { RawColumnType, RawTableSpec } from '../raw/raw-table-spec';
import { columnTypeFromCatalog } from '../schema/discovery';
import { rawCheckType } from '../schema/raw-ddl';
import { CopyTextSource, PageRequest, PageStart, SourceConnector } from './source-connector';

const CASTS: Partial<Record<RawColumnType, string>> = {
  integer: 'bigint',
  text: 'text',
  timestamp: 'timestamp',
  timestamptz: 'timestamptz',
  date: 'date',
};

const TIMES = new Set(['timestamp', 'timestamptz', 'date']);

/**
 * Dates and timestamps exactly as stored (no conversion through the local time zone), and
 * floats as PostgreSQL prints them: the same text a COPY of the row carries.
 */
const AS_TEXT = new Set([
  types.builtins.DATE,
  types.builtins.TIMESTAMP,
  types.builtins.TIMESTAMPTZ,
  types.builtins.FLOAT4,
  types.builtins.FLOAT8,
]);

const NEWLINE = 10;

/** Source types whose COPY text is not what RAW's column would print (json keeps spacing). */
const NOT_COPYABLE = new Set(['json', 'bytea']);

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/** Odoo's or an APN PostgreSQL database, read-only, tables in one schema. */
export class PostgresSourceConnector implements SourceConnector, CopyTextSource {
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
    const params: unknown[] = [];
    const { rows } = await this.pool.query(
      `${this.selectInOrder(table, page, '*', (value) => `$${params.push(value)}`)}
        LIMIT ${Math.trunc(page.limit)}`,
      params,
    );
    return rows;
  }

  async copyMatchesRaw(table: RawTableSpec): Promise<boolean> {
    return (await this.sourceColumns(table)).every(({ name, type }) => {
      if (NOT_COPYABLE.has(type) || !(name in table.columns)) return false;
      try {
        return rawCheckType(type) === table.columns[name];
      } catch {
        return false; // a type RAW has no mapping for
      }
    });
  }

  /**
   * One `COPY (SELECT …) TO STDOUT` in `order`, cut into pages of `size` lines. RAW columns
   * the source lacks come as NULL. The stream holds one pooled connection until it ends or
   * is abandoned.
   */
  async *copyPages(
    table: RawTableSpec,
    start: PageStart,
    size: number,
  ): AsyncIterable<CopyTextPage> {
    const present = new Set((await this.sourceColumns(table)).map((column) => column.name));
    const list = Object.keys(table.columns)
      .map((c) => (present.has(c) ? quote(c) : 'NULL'))
      .join(', ');
    const sql = this.selectInOrder(table, start, list, (value) => escapeLiteral(String(value)));
    const client = await this.pool.connect();
    const stream = client.query(copyTo(`COPY (${sql}) TO STDOUT`));
    let failed = false;
    try {
      // Lines stay bytes (UTF-8 never has a newline byte inside a character); a page is
      // copied out of the stream's chunks once, so it holds no chunk alive.
      let pieces: Buffer[] = [];
      let lines = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        let from = 0;
        for (let end = chunk.indexOf(NEWLINE); end >= 0; end = chunk.indexOf(NEWLINE, end + 1)) {
          if (++lines === size) {
            pieces.push(chunk.subarray(from, end + 1));
            yield { text: Buffer.concat(pieces), lines };
            [pieces, lines, from] = [[], 0, end + 1];
          }
        }
        if (from < chunk.length) pieces.push(chunk.subarray(from));
      }
      if (lines > 0) yield { text: Buffer.concat(pieces), lines };
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      // Left mid-stream (the caller stopped or failed), the connection is mid-COPY: drop it.
      const complete = !failed && stream.readableEnded;
      if (!complete) stream.destroy();
      client.release(!complete);
    }
  }

  private async sourceColumns(table: RawTableSpec): Promise<{ name: string; type: string }[]> {
    const { rows } = await this.pool.query<{ name: string; data_type: string; udt_name: string }>(
      `SELECT column_name AS name, data_type, udt_name FROM information_schema.columns
        WHERE table_schema = $1 AND table_name = $2`,
      [this.schema, table.sourceTable],
    );
    return rows.map((row) => ({
      name: row.name,
      type: columnTypeFromCatalog(row.data_type, row.udt_name),
    }));
  }

  /**
   * `SELECT <list> … ORDER BY order` from `start`, values placed by `value` (a bind
   * parameter, or a literal where COPY allows none). A NULL timestamp sorts first, as
   * -infinity, on both sides of the comparison: SQL's row comparison is NULL for such
   * rows, and they would never be read.
   */
  private selectInOrder(
    table: RawTableSpec,
    start: PageStart,
    list: string,
    value: (value: string | number) => string,
  ): string {
    const typeOf = (column: string): string => {
      const type = CASTS[table.columns[column]];
      if (!type) throw new Error(`${table.sourceTable}.${column} cannot order a sync`);
      return type;
    };
    const isTime = (column: string): boolean => TIMES.has(typeOf(column));
    const key = (column: string): string =>
      isTime(column) ? `COALESCE(${quote(column)}, '-infinity'::${typeOf(column)})` : quote(column);
    const bound = (column: string, v: string | number): string =>
      isTime(column)
        ? `COALESCE(NULLIF(${value(v)}::text, '')::${typeOf(column)}, '-infinity'::${typeOf(column)})`
        : `${value(v)}::${typeOf(column)}`;
    const order = start.order.map(key);
    let where = 'TRUE';
    if (start.after) {
      const after = start.after;
      where = `(${order.join(', ')}) > (${start.order.map((c, i) => bound(c, after[i])).join(', ')})`;
    } else if (start.from !== undefined) {
      where = `${order[0]} >= ${bound(start.order[0], start.from)}`;
    }
    return `SELECT ${list} FROM ${quote(this.schema)}.${quote(table.sourceTable)}
        WHERE ${where} ORDER BY ${order.join(', ')}`;
  }

  /** One JSON array rather than a row per key: a million keys parse in a blink. */
  async readKeys(table: RawTableSpec): Promise<string[]> {
    const key = `concat_ws(':', ${table.primaryKey.map(quote).join(', ')})`;
    const { rows } = await this.pool.query<{ keys: string[] }>(
      `SELECT coalesce(json_agg(${key}), '[]') AS keys
         FROM ${quote(this.schema)}.${quote(table.sourceTable)}`,
    );
    return rows[0].keys;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
