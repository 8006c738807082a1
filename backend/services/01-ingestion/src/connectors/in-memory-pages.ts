import { RawTableSpec } from '../raw/raw-table-spec';
import { CursorValues } from '../sync/cursor';
import { PageRequest } from './source-connector';

/** Serving rows held in memory (file exports, API responses) in cursor order. */
type Row = Record<string, unknown>;

const TIME_TYPES = new Set(['timestamp', 'timestamptz', 'date']);

/** Epoch ms of an ISO timestamp or date; NaN when it is none. A zoneless value is UTC. */
export function instantOf(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string') return NaN;
  const text = value.trim().replace(' ', 'T');
  const zoned = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/.test(text) || !text.includes('T');
  return Date.parse(zoned ? text : `${text}Z`);
}

/** Orders timestamps by instant; a missing or broken one sorts as `missing` (first). */
export function compareInstants(a: unknown, b: unknown, missing = -Infinity): number {
  const x = instantOf(a);
  const y = instantOf(b);
  const ax = Number.isNaN(x) ? missing : x;
  const by = Number.isNaN(y) ? missing : y;
  return ax === by ? 0 : ax < by ? -1 : 1;
}

function compareValues(table: RawTableSpec, column: string, a: unknown, b: unknown): number {
  const type = table.columns[column];
  if (type && TIME_TYPES.has(type)) return compareInstants(a, b);
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  const x = String(a ?? '');
  const y = String(b ?? '');
  return x === y ? 0 : x < y ? -1 : 1;
}

function compareOn(table: RawTableSpec, columns: string[], a: Row, b: Row): number {
  for (const column of columns) {
    const order = compareValues(table, column, a[column], b[column]);
    if (order !== 0) return order;
  }
  return 0;
}

/** Rows in `order`, ties broken by the table's key so pages are stable. */
export function sortRows(rows: Row[], table: RawTableSpec, order: string[]): Row[] {
  return [...rows].sort(
    (a, b) => compareOn(table, order, a, b) || compareOn(table, table.primaryKey, a, b),
  );
}

function firstIndex(rows: Row[], past: (row: Row) => boolean): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (past(rows[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * One page of rows already sorted by `page.order`, with the reference connector's
 * semantics: `after` = strictly after that cursor, `from` = first order column at or after.
 * A page never ends inside a run of equal cursor values (child tables' cursors are not
 * unique), so it may hold more than `limit` rows.
 */
export function pageOfSortedRows(sorted: Row[], table: RawTableSpec, page: PageRequest): Row[] {
  const { order } = page;
  const cursor = (row: Row): CursorValues => order.map((c) => row[c] as string | number);
  const after = page.after;
  let start = 0;
  if (after) {
    start = firstIndex(sorted, (row) => {
      const values = cursor(row);
      for (let i = 0; i < order.length; i++) {
        const c = compareValues(table, order[i], values[i], after[i]);
        if (c !== 0) return c > 0;
      }
      return false;
    });
  } else if (page.from !== undefined) {
    const from = page.from;
    start = firstIndex(sorted, (row) => compareValues(table, order[0], row[order[0]], from) >= 0);
  }
  let end = Math.min(sorted.length, start + Math.max(1, Math.trunc(page.limit)));
  while (end < sorted.length && compareOn(table, order, sorted[end - 1], sorted[end]) === 0) end++;
  return sorted.slice(start, end);
}
