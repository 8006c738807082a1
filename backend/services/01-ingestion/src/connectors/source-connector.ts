import { CopyTextPage } from '../raw/copy-text';
import { RawTableSpec } from '../raw/raw-table-spec';
import { CursorValues } from '../sync/cursor';

/** Where a read starts: at the table's beginning, after a position, or from a time. */
export interface PageStart {
  /** Columns to order by: the table's cursor, or its key when it has none. */
  order: string[];
  /** Rows strictly after this position (keyset pagination)… */
  after?: CursorValues;
  /** …or rows whose first order column is at or after this value (an overlap start). */
  from?: string;
}

export interface PageRequest extends PageStart {
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
  /**
   * Whether a field the RAW table has no column for is one this connector put in `_extra`
   * knowingly (an Odoo record's External ID): it is not drift. Absent: every such field is.
   */
  understandsExtra?(table: RawTableSpec, field: string): boolean;
  close(): Promise<void>;
}

/**
 * Set by a connector on a row it could read but not make sense of (a relation naming no
 * record): the row is quarantined with these reasons, each `field: why`.
 */
const ROW_PROBLEMS = Symbol('rowProblems');

type ProblemRow = Record<string, unknown> & { [ROW_PROBLEMS]?: string[] };

export function markProblems(row: Record<string, unknown>, problems: string[]): void {
  if (problems.length) (row as ProblemRow)[ROW_PROBLEMS] = problems;
}

export const problemsOf = (row: Record<string, unknown>): string[] =>
  (row as ProblemRow)[ROW_PROBLEMS] ?? [];

/**
 * A database source can also send rows as PostgreSQL COPY text: one streamed query per
 * table, no conversion to objects, lines already in RAW's column order and types. The
 * sync engine uses it where the table's columns match RAW's, and objects elsewhere.
 */
export interface CopyTextSource {
  /** True when the source table has exactly RAW's columns (or fewer) with RAW's types. */
  copyMatchesRaw(table: RawTableSpec): Promise<boolean>;
  /** The table's rows from `start` in order, in pages of up to `size` COPY text lines. */
  copyPages(table: RawTableSpec, start: PageStart, size: number): AsyncIterable<CopyTextPage>;
}

export const canCopyText = (
  connector: SourceConnector,
): connector is SourceConnector & CopyTextSource => 'copyPages' in connector;

export const keyOf = (row: Record<string, unknown>, columns: string[]): string =>
  columns.map((column) => String(row[column])).join(':');
