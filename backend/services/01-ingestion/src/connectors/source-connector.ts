import { RawTableSpec } from '../raw/raw-table-spec';
import { CursorValues } from '../sync/cursor';

export interface PageRequest {
  /** Columns to order by: the table's cursor, or its key when it has none. */
  order: string[];
  /** Rows strictly after this position (keyset pagination)… */
  after?: CursorValues;
  /** …or rows whose first order column is at or after this value (an overlap start). */
  from?: string;
  limit: number;
}

/**
 * One way of reading a source (its database, its API, its export files). The sync engine
 * only sees this interface, so every connector gets cursors, batches, deletes and
 * quarantine the same way. Rows come back in the source's own database-row shape.
 */
export interface SourceConnector {
  readonly source: 'odoo' | 'apn';
  /** For logs and run records; never holds credentials. */
  readonly description: string;
  /** Which of `tables` the source has (an Odoo without UTM installed lacks utm_*). */
  availableTables(tables: RawTableSpec[]): Promise<RawTableSpec[]>;
  readPage(table: RawTableSpec, page: PageRequest): Promise<Record<string, unknown>[]>;
  /** Every key the source holds now, `a:b` for composite keys: for delete reconciliation. */
  readKeys(table: RawTableSpec): Promise<string[]>;
  close(): Promise<void>;
}

export const keyOf = (row: Record<string, unknown>, columns: string[]): string =>
  columns.map((column) => String(row[column])).join(':');
