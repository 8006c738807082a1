type Rec = Record<string, unknown> | null;

/** One line of the side-by-side view: a field of both records, and whether they differ. */
export interface FieldRow {
  label: string;
  odoo: string | null;
  ace: string | null;
  /** `same`, `differs` (both given, unequal), `one-side` (only one given) or `neither`. */
  verdict: 'same' | 'differs' | 'one-side' | 'neither';
}

const text = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : null;
  return String(value);
};

function amountOf(record: Rec, field: string): string | null {
  const value = record?.[field];
  if (typeof value !== 'number') return null;
  return `${value.toLocaleString('en')}${record?.currency ? ` ${String(record.currency)}` : ''}`;
}

/** Compared ignoring case, accents, spacing and punctuation: `ACME, Inc.` = `acme inc`. */
export const comparable = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function verdict(odoo: string | null, ace: string | null): FieldRow['verdict'] {
  if (odoo === null && ace === null) return 'neither';
  if (odoo === null || ace === null) return 'one-side';
  return comparable(odoo) === comparable(ace) ? 'same' : 'differs';
}

/** The fields a reviewer compares, Odoo's names on the left and ACE's on the right. */
export function sideBySide(odoo: Rec, ace: Rec): FieldRow[] {
  const pairs: [label: string, odoo: string | null, ace: string | null][] = [
    ['Title', text(odoo?.name), text(ace?.title)],
    ['Customer', text(odoo?.customer), text(ace?.customer)],
    ['Domain', text(odoo?.domain), text(ace?.domain)],
    ['Country', text(odoo?.country), text(ace?.country)],
    ['City', text(odoo?.city), text(ace?.city)],
    ['Postal code', text(odoo?.postalCode), text(ace?.postalCode)],
    ['Street', text(odoo?.street), text(ace?.street)],
    ['Contact', text(odoo?.contact), text(ace?.contacts)],
    ['Email', text(odoo?.email), text(ace?.contactEmails)],
    ['Phone', text(odoo?.phone), text(ace?.contactPhones)],
    ['Stage', text(odoo?.stage), text(ace?.stage)],
    // Deal totals on both sides, as the review queue shows them (ACE: monthly spend × months).
    ['Amount', amountOf(odoo, 'expectedRevenue'), amountOf(ace, 'expectedTotalSpend')],
    ['Close date', text(odoo?.closeDate), text(ace?.closeDate)],
    ['Description', text(odoo?.description), text(ace?.businessProblem)],
    ['Deleted at the source', text(odoo?.deletedAt), text(ace?.deletedAt)],
  ];
  return pairs.map(([label, left, right]) => ({ label, odoo: left, ace: right, verdict: verdict(left, right) })); // prettier-ignore
}
