import { hash } from 'node:crypto';
import { COPY_NULL, copyField, unescapeCopyText } from './copy-text';
import { RawColumnType, RawTableSpec } from './raw-table-spec';

/** A source row that passed its checks, ready to be written to RAW. */
export interface RawRowToWrite {
  key: string;
  /** The RAW columns, in table order, as a PostgreSQL COPY text line (UTF-8). */
  line: Buffer;
  /** Fields the source sent that the RAW table has no column for yet (kept, not lost). */
  extra: Record<string, unknown>;
  rowHash: string;
  /** Values by column name, typed for PostgreSQL: rows that came as objects have them. */
  values?: Record<string, unknown>;
}

export interface CheckedRawRow extends RawRowToWrite {
  values: Record<string, unknown>;
}

export type RawRowCheck<Row = CheckedRawRow> =
  { ok: true; row: Row } | { ok: false; key?: string; reason: string };

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
  const problems: string[] = [];

  for (const [field, value] of Object.entries(source)) {
    const type = spec.columns[field];
    if (!type) {
      extra[field] = value;
      continue;
    }
    const converted = toColumnValue(type, value);
    if (converted.ok) values[field] = converted.value;
    else problems.push(`${field}: ${converted.reason}`);
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
  /** The highest field index `checkCopyLine` looks at without a size problem. */
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

const [TAB, BACKSLASH, N] = [9, 92, 78];

/** Where fields 0…`last` start and end: field i is line[starts[i], starts[i + 1] - 1). */
function fieldStarts(line: Buffer, last: number): number[] {
  const starts = [0];
  for (let tab = line.indexOf(TAB); tab >= 0; tab = line.indexOf(TAB, tab + 1)) {
    starts.push(tab + 1);
    if (starts.length === last + 2) return starts;
  }
  starts.push(line.length + 1);
  return starts;
}

/**
 * Checks one COPY text line from a database source whose column types match RAW's (the
 * connector selects exactly RAW's columns, and only when their types match), so every
 * value already has its column's type, no NUL byte, and the line has every field. What is
 * left to check is the key, the required columns and size. The line stays bytes: only the
 * key fields are decoded; a required field is only looked at for `\N`.
 */
export function checkCopyLine(spec: RawTableSpec, line: Buffer): RawRowCheck<RawRowToWrite> {
  const layout = layoutOf(spec);
  // No field can be over the limit when the whole line is not.
  const oversized = line.length > MAX_TEXT_LENGTH;
  const starts = fieldStarts(line, oversized ? layout.columns.length - 1 : layout.lastChecked);
  const isNull = (i: number): boolean => {
    const from = starts[i];
    return starts[i + 1] - 1 - from === 2 && line[from] === BACKSLASH && line[from + 1] === N;
  };
  const field = (i: number): string | null =>
    isNull(i) ? null : unescapeCopyText(line.toString('utf8', starts[i], starts[i + 1] - 1));
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
  if (problems.length > 0) {
    return {
      ok: false,
      key,
      reason: `${spec.table} row ${key ?? '(no key)'}: ${problems.join('; ')}`,
    };
  }
  return { ok: true, row: { key: key as string, line, extra: {}, rowHash: rowHash(line) } };
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

/**
 * The row as it can be kept in ops.quarantine (jsonb): NUL bytes shown as U+FFFD and very
 * long strings cut, saying how much was cut. The reason already names the problem.
 */
export function quarantinePayload(value: unknown): unknown {
  if (typeof value === 'string') {
    const clean = value.split(NUL).join('\uFFFD');
    return clean.length > 10_000
      ? `${clean.slice(0, 10_000)}…[${clean.length - 10_000} more characters cut]`
      : clean;
  }
  if (Array.isArray(value)) return value.map(quarantinePayload);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, quarantinePayload(v)]));
  }
  return value;
}
