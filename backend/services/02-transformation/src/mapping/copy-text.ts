/**
 * CORE rows as PostgreSQL's COPY text format: one line per row, fields separated by tabs,
 * `\N` for NULL, backslash, newline, carriage return and tab escaped. PostgreSQL parses this
 * several times faster than the same rows as a JSON document.
 */
export function copyText(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
): string {
  const lines = new Array<string>(rows.length);
  const fields = new Array<string>(columns.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < columns.length; c++) fields[c] = copyField(row[columns[c]]);
    lines[r] = fields.join('\t');
  }
  return `${lines.join('\n')}\n`;
}

const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escape = (text: string): string =>
  SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]) : text;

/** A text[] literal, every element quoted: `{"a","b \"c\""}`. */
const arrayLiteral = (items: readonly (string | null)[]): string =>
  `{${items.map((item) => (item === null ? 'NULL' : `"${item.replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;

/** A string, number, boolean, string array or null, as PostgreSQL reads it in COPY text. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escape(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Array.isArray(value)) return escape(arrayLiteral(value as (string | null)[]));
  return escape(String(value));
}
