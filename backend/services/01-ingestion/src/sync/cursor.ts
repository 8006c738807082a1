/** Values of a table's cursor columns (e.g. [write_date, id]) for one row. */
export type CursorValues = (string | number)[];

export function cursorOf(row: Record<string, unknown>, columns: string[]): CursorValues {
  return columns.map((column) => {
    const value = row[column];
    return typeof value === 'number' ? value : String(value ?? '');
  });
}

/** Orders like SQL's row comparison `(a, b) > (c, d)` on timestamps-as-text and ids. */
export function compareCursors(a: CursorValues, b: CursorValues): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : 1;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/**
 * Where an incremental read starts: `overlapSeconds` before the stored position, so a row
 * committed late with an older write_date is still read (it then counts as unchanged or
 * updated, never missed). Timestamps are compared as the source wrote them.
 */
export function overlapStart(position: CursorValues, overlapSeconds: number): string {
  const text = String(position[0]);
  const zone = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/.exec(text)?.[0];
  const utc = text.replace(' ', 'T').replace(/[+-]\d{2}$/, '$&:00') + (zone ? '' : 'Z');
  const start = new Date(new Date(utc).getTime() - overlapSeconds * 1000);
  if (Number.isNaN(start.getTime())) throw new Error(`Cursor value "${text}" is not a timestamp`);
  // A zoned value stays zoned (UTC); a naive one (Odoo's UTC timestamps) stays naive.
  const iso = start.toISOString();
  return zone ? iso : iso.replace('T', ' ').replace(/\.\d{3}Z$/, '');
}

/** A position worth storing: it starts with a real moment (an export may lack write_date). */
export function isResumable(position: CursorValues): boolean {
  const first = String(position[0] ?? '');
  return (
    first !== '' && !Number.isNaN(Date.parse(first.includes('T') ? first : first.replace(' ', 'T')))
  );
}
