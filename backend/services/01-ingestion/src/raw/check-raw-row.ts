import { hash } from 'node:crypto';
import { problemsOf } from '../connectors/source-connector';
import { COPY_NULL, copyField, CopyTextPage, unescapeCopyText } from './copy-text';
import { RawColumnType, RawTableSpec } from './raw-table-spec';
import { CopyTextRows, RawRowToWrite } from './rows-to-write';

export type RawRowCheck =
  { ok: true; row: RawRowToWrite } | { ok: false; key?: string; reason: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Larger text is a broken export or an attack, not a CRM field. */
export const MAX_TEXT_LENGTH = 1_000_000;
const NUL = '\u0000';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
/** Numbers as JSON or PostgreSQL print them (a float8 may read `1e-05` or `NaN`). */
const NUMBER = /^(-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|NaN|-?Infinity)$/;

/**
 * Checks one source row against its RAW table: every value must fit its column's type
 * and required columns must be present. Errors name the row key and the field, so a
 * person can find and fix the source record.
 */
export function checkRawRow(spec: RawTableSpec, source: Record<string, unknown>): RawRowCheck {
  const keyParts = spec.primaryKey.map((column) => source[column]);
  const key = keyParts.some((part) => part === undefined || part === null)
    ? undefined
    : keyParts.map(String).join(':');
  const values: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  const problems: string[] = [...problemsOf(source)];

  for (const [field, value] of Object.entries(source)) {
    const type = spec.columns[field];
    if (!type) {
      extra[field] = value;
      continue;
    }
    const converted = toColumnValue(type, value);
    if (converted.ok) values[field] = converted.value;
    else if (!problems.some((problem) => problem.startsWith(`${field}: `))) {
      problems.push(`${field}: ${converted.reason}`);
    }
  }
  // A key column must always be there; another NOT NULL column only when the source sent
  // it (an API call with a field list, or an export, may leave columns out altogether).
  for (const column of new Set([...spec.primaryKey, ...spec.required])) {
    const sent = column in source;
    const missing = values[column] === null || values[column] === undefined;
    if (missing && (sent || spec.primaryKey.includes(column))) {
      problems.push(`${column}: required but missing`);
    }
  }
  if (problems.length > 0) {
    return {
      ok: false,
      key,
      reason: `${spec.table} row ${key ?? '(no key)'}: ${problems.join('; ')}`,
    };
  }
  const line = Buffer.from(
    Object.entries(spec.columns)
      .map(([column, type]) => copyField(type, (values[column] ??= null)))
      .join('\t'),
  );
  return {
    ok: true,
    row: { key: key as string, values, extra, line, rowHash: rowHash(line, extra) },
  };
}

/** Where key, required and text-like fields sit in a table's COPY lines. */
interface LineLayout {
  columns: string[];
  key: number[];
  required: number[];
  texts: number[];
  /** The highest field index `checkCopyPage` looks at without a size problem. */
  lastChecked: number;
}
const layouts = new WeakMap<RawTableSpec, LineLayout>();

function layoutOf(spec: RawTableSpec): LineLayout {
  let layout = layouts.get(spec);
  if (!layout) {
    const columns = Object.keys(spec.columns);
    const indexes = (names: string[]) => names.map((name) => columns.indexOf(name));
    const required = indexes([...new Set([...spec.primaryKey, ...spec.required])]);
    layout = {
      columns,
      key: indexes(spec.primaryKey),
      required,
      lastChecked: Math.max(...required),
      texts: columns.flatMap((c, i) =>
        ['text', 'jsonb', 'text[]'].includes(spec.columns[c]) ? [i] : [],
      ),
    };
    layouts.set(spec, layout);
  }
  return layout;
}

const [TAB, NEWLINE, BACKSLASH, N] = [9, 10, 92, 78];

/** A COPY text page after its checks: the good rows, and the lines that failed. */
export interface CheckedCopyPage {
  good: CopyTextRows;
  bad: { key?: string; reason: string; line: Buffer }[];
  /** The page's last line, good or bad: where its cursor position comes from. */
  last: Buffer;
}

/**
 * Checks a page of COPY text lines from a database source whose column types match RAW's
 * (the connector selects exactly RAW's columns, and only when their types match), so every
 * value already has its column's type, no NUL byte, and the line has every field. What is
 * left to check is the key, the required columns and size. Lines stay bytes in the page,
 * and only where each starts and ends, its key and its hash are kept: no row becomes an
 * object. Of two lines with one key, the later is kept and the earlier reported as bad.
 */
export function checkCopyPage(spec: RawTableSpec, { text }: CopyTextPage): CheckedCopyPage {
  const checkLine = copyLineChecker(spec, text);
  const spans: number[] = [];
  const keys: string[] = [];
  const hashes: string[] = [];
  const bad: CheckedCopyPage['bad'] = [];
  let [from, to, lastFrom] = [0, 0, 0];
  while (from < text.length) {
    to = text.indexOf(NEWLINE, from);
    if (to < 0) to = text.length;
    const { key, reason } = checkLine(from, to);
    if (reason !== undefined) {
      bad.push({ key, reason, line: text.subarray(from, to) });
    } else {
      spans.push(from, to);
      keys.push(key!);
      hashes.push(rowHash(text.subarray(from, to)));
    }
    [lastFrom, from] = [from, to + 1];
  }
  const replaced = earlierOfSameKey(keys);
  for (const row of replaced) {
    const line = text.subarray(spans[2 * row], spans[2 * row + 1]);
    bad.push({ key: keys[row], reason: duplicateKeyReason(spec, keys[row]), line });
  }
  const kept = (_: unknown, row: number) => !replaced.has(row);
  return {
    good: new CopyTextRows(
      text,
      spans.filter((_, i) => !replaced.has(i >> 1)),
      keys.filter(kept),
      hashes.filter(kept),
    ),
    bad,
    last: text.subarray(lastFrom, to),
  };
}

/** Checks one line `text[from, to)`: its key, and what is wrong with it, if anything. */
function copyLineChecker(
  spec: RawTableSpec,
  text: Buffer,
): (from: number, to: number) => { key?: string; reason?: string } {
  const layout = layoutOf(spec);
  const starts = new Int32Array(layout.columns.length + 1); // field starts, reused for every line
  const isNull = (i: number): boolean =>
    starts[i + 1] - 1 - starts[i] === 2 &&
    text[starts[i]] === BACKSLASH &&
    text[starts[i] + 1] === N;
  const field = (i: number): string | null =>
    isNull(i) ? null : unescapeCopyText(text.toString('utf8', starts[i], starts[i + 1] - 1));
  return (from, to) => {
    // No field can be over the limit when the whole line is not.
    const oversized = to - from > MAX_TEXT_LENGTH;
    fieldStarts(text, from, to, oversized ? layout.columns.length - 1 : layout.lastChecked, starts);
    let key: string | undefined = '';
    for (const i of layout.key) {
      const part = field(i);
      if (part === null) key = undefined;
      else if (key !== undefined) key = key === '' ? part : `${key}:${part}`;
    }
    const problems: string[] = [];
    for (const i of layout.required) {
      if (isNull(i)) problems.push(`${layout.columns[i]}: required but missing`);
    }
    if (oversized) {
      for (const i of layout.texts) {
        const length = field(i)?.length ?? 0;
        if (length > MAX_TEXT_LENGTH) {
          problems.push(
            `${layout.columns[i]}: is ${length} characters long, over the ${MAX_TEXT_LENGTH} limit`,
          );
        }
      }
    }
    if (problems.length === 0) return { key };
    return { key, reason: `${spec.table} row ${key ?? '(no key)'}: ${problems.join('; ')}` };
  };
}

/** Rows (by index) whose key a later row has too: one upsert cannot write a key twice. */
export function earlierOfSameKey(keys: string[]): Set<number> {
  const replaced = new Set<number>();
  const seen = new Set(keys);
  if (seen.size === keys.length) return replaced;
  const lastOf = new Map(keys.map((key, row) => [key, row]));
  keys.forEach((key, row) => {
    if (lastOf.get(key) !== row) replaced.add(row);
  });
  return replaced;
}

export const duplicateKeyReason = (spec: RawTableSpec, key: string): string =>
  `${spec.table} row ${key}: duplicate key in one batch; a later row with the same key was loaded instead`;

/** Where fields 0…`last` of `text[from, to)` start: field i is text[starts[i], starts[i + 1] - 1). */
function fieldStarts(text: Buffer, from: number, to: number, last: number, starts: Int32Array) {
  starts[0] = from;
  let found = 1;
  for (let tab = text.indexOf(TAB, from); tab >= 0 && tab < to; tab = text.indexOf(TAB, tab + 1)) {
    starts[found++] = tab + 1;
    if (found === last + 2) return;
  }
  while (found <= last + 1) starts[found++] = to + 1; // a short line: its missing fields empty
}

/** A COPY line as column → text (integers as numbers), for a quarantine record or a cursor. */
export function copyLineRecord(spec: RawTableSpec, line: Buffer): Record<string, unknown> {
  const fields = line.toString('utf8').split('\t');
  return Object.fromEntries(
    Object.entries(spec.columns).map(([column, type], i) => {
      const text = unescapeCopyText(fields[i] ?? COPY_NULL);
      const number = type === 'integer' && text !== null ? Number(text) : NaN;
      return [column, Number.isSafeInteger(number) ? number : text];
    }),
  );
}

type Converted = { ok: true; value: unknown } | { ok: false; reason: string };

/** Odoo's external API sends `false` for an empty field and `[id, name]` for a many2one. */
export function toColumnValue(type: RawColumnType, value: unknown): Converted {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (value === false && type !== 'boolean') return { ok: true, value: null };
  const fail = (expected: string): Converted => ({
    ok: false,
    reason: `expected ${expected}, got ${JSON.stringify(value)?.slice(0, 60)}`,
  });
  switch (type) {
    case 'integer': {
      const candidate = Array.isArray(value) && value.length === 2 ? value[0] : value;
      const n =
        typeof candidate === 'string' && /^-?\d+$/.test(candidate) ? Number(candidate) : candidate;
      return Number.isSafeInteger(n) ? { ok: true, value: n } : fail('an integer');
    }
    case 'numeric':
    case 'double':
      if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
      return typeof value === 'string' && NUMBER.test(value)
        ? { ok: true, value }
        : fail('a number');
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : fail('true or false');
    case 'text':
      if (typeof value === 'number') return { ok: true, value: String(value) };
      if (typeof value !== 'string') return fail('text');
      if (value.includes(NUL))
        return { ok: false, reason: 'contains a NUL byte, which PostgreSQL text cannot hold' };
      if (value.length > MAX_TEXT_LENGTH) {
        return {
          ok: false,
          reason: `is ${value.length} characters long, over the ${MAX_TEXT_LENGTH} limit`,
        };
      }
      return { ok: true, value };
    case 'date':
      return typeof value === 'string' && DATE.test(value) && isRealDate(value)
        ? { ok: true, value }
        : fail('a date YYYY-MM-DD');
    case 'timestamp':
    case 'timestamptz':
      return typeof value === 'string' && TIMESTAMP.test(value) && isRealDate(value.slice(0, 10))
        ? { ok: true, value }
        : fail('a timestamp YYYY-MM-DD HH:MM:SS');
    case 'jsonb': {
      const json = JSON.stringify(value);
      if (json.includes('\\u0000'))
        return { ok: false, reason: 'contains a NUL byte, which jsonb cannot hold' };
      return json.length > MAX_TEXT_LENGTH
        ? {
            ok: false,
            reason: `is ${json.length} characters of JSON, over the ${MAX_TEXT_LENGTH} limit`,
          }
        : { ok: true, value };
    }
    case 'text[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
        ? { ok: true, value }
        : fail('a list of text');
  }
}

function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * What the source said about a row, as a hash: its RAW columns as one COPY text line (the
 * table's column order, values as PostgreSQL prints them, whichever connector read them)
 * plus any fields RAW has no column for.
 */
export function rowHash(line: Buffer, extra: Record<string, unknown> = {}): string {
  return Object.keys(extra).length === 0
    ? hash('sha1', line, 'hex')
    : hash('sha1', Buffer.concat([line, Buffer.from(stableJson(extra))]), 'hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
