/** Display helpers: one place decides how numbers, money and dates read. */

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

export function money(value: number | null | undefined, currency?: string | null): string {
  if (value === null || value === undefined) return '—';
  if (!currency) return compact.format(value);
  try {
    return new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(value);
  } catch {
    return `${compact.format(value)} ${currency}`; // a code Intl does not know
  }
}

export const percent = (p: number): string => `${(p * 100).toFixed(1)}%`;

/** A signed log-odds weight, e.g. `+2.31` or `−0.85`. */
export const signed = (x: number, decimals = 2): string =>
  `${x < 0 ? '−' : '+'}${Math.abs(x).toFixed(decimals)}`;

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }); // prettier-ignore
}

export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return seconds < 120 ? `${seconds.toFixed(1)} s` : `${(seconds / 60).toFixed(1)} min`;
}

export const orDash = (value: unknown): string =>
  value === null || value === undefined || value === '' ? '—' : String(value);
