import { RawColumnType } from './raw-table-spec';

/**
 * PostgreSQL's COPY text format, the one form every RAW row takes on its way in: a line of
 * tab-separated fields, `\N` for NULL. A database source sends its rows in this form
 * already (COPY … TO STDOUT); other connectors' values are written into it here, exactly
 * as PostgreSQL itself would print them, so a row hashes the same whichever way it came.
 */
export const COPY_NULL = '\\N';

/** Whole COPY text lines from a database source, each ending in a newline, in one buffer. */
export interface CopyTextPage {
  text: Buffer;
  lines: number;
}

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};
const UNESCAPES: Record<string, string> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

export function escapeCopyText(text: string): string {
  return /[\\\b\f\n\r\t\v]/.test(text)
    ? text.replace(/[\\\b\f\n\r\t\v]/g, (c) => ESCAPES[c])
    : text;
}

/** One field of a COPY line back to its text (null for `\N`). */
export function unescapeCopyText(field: string): string | null {
  if (field === COPY_NULL) return null;
  return field.includes('\\')
    ? field.replace(/\\(.)/g, (_, c: string) => UNESCAPES[c] ?? c)
    : field;
}

/** A checked value (see checkRawRow) as PostgreSQL prints it for a column of `type`. */
export function copyField(type: RawColumnType, value: unknown): string {
  if (value === null || value === undefined) return COPY_NULL;
  switch (type) {
    case 'boolean':
      return value ? 't' : 'f';
    case 'jsonb':
      return escapeCopyText(jsonbText(value));
    case 'text[]':
      return escapeCopyText(arrayText(value as string[]));
    default:
      return escapeCopyText(String(value));
  }
}

/**
 * JSON as PostgreSQL's jsonb prints it: `", "` and `": "` separators, object keys shorter
 * first, then in byte order (how jsonb stores them; lengths in UTF-8 bytes).
 */
export function jsonbText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort((a, b) => {
      const [x, y] = [Buffer.from(a), Buffer.from(b)];
      return x.length - y.length || Buffer.compare(x, y);
    });
    const entries = keys.map(
      (key) => `${JSON.stringify(key)}: ${jsonbText((value as Record<string, unknown>)[key])}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A text[] as PostgreSQL prints it: `{a,"b c"}`, quoting only where it must. */
export function arrayText(items: string[]): string {
  const element = (item: string): string =>
    item === '' || /[{}",\\ \t\n\r\v\f]/.test(item) || item.toUpperCase() === 'NULL'
      ? `"${item.replace(/[\\"]/g, '\\$&')}"`
      : item;
  return `{${items.map(element).join(',')}}`;
}
