import { createHash } from 'node:crypto';
import { RawColumnType, RawTableSpec } from './raw-table-spec';

export interface CheckedRawRow {
  key: string;
  /** Values by column name, typed for PostgreSQL; absent fields are null. */
  values: Record<string, unknown>;
  /** Fields the source sent that the RAW table has no column for yet (kept, not lost). */
  extra: Record<string, unknown>;
  rowHash: string;
}

export type RawRowCheck =
  { ok: true; row: CheckedRawRow } | { ok: false; key?: string; reason: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Larger text is a broken export or an attack, not a CRM field. */
export const MAX_TEXT_LENGTH = 1_000_000;
const NUL = '\u0000';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

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
  for (const column of Object.keys(spec.columns)) values[column] ??= null;
  return {
    ok: true,
    row: { key: key as string, values, extra, rowHash: rowHash(spec, values, extra) },
  };
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
      return typeof value === 'string' && DECIMAL.test(value)
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
 * What the source said about a row, as a hash: its values in the table's column order
 * (so the source's key order does not matter) plus any fields RAW has no column for.
 */
export function rowHash(
  spec: RawTableSpec,
  values: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): string {
  const ordered = JSON.stringify(Object.keys(spec.columns).map((column) => values[column] ?? null));
  const hash = createHash('sha1').update(ordered);
  if (Object.keys(extra).length > 0) hash.update(stableJson(extra));
  return hash.digest('hex');
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
