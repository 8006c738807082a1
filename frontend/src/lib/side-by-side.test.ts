import { describe, expect, it } from 'vitest';
import { comparable, sideBySide } from './side-by-side';

describe('sideBySide', () => {
  const odoo = { name: 'Data lake', customer: 'ACME, Inc.', country: 'DE', city: 'Berlin', expectedRevenue: 120000, currency: 'EUR' }; // prettier-ignore
  const ace = { title: 'Data Lake', customer: 'acme inc', country: 'FR', contacts: ['Ann Lee'], expectedTotalSpend: 120000, currency: 'EUR' }; // prettier-ignore
  const rows = Object.fromEntries(sideBySide(odoo, ace).map((row) => [row.label, row]));

  it('calls fields equal when only case, accents or punctuation differ', () => {
    expect(rows.Title.verdict).toBe('same');
    expect(rows.Customer.verdict).toBe('same');
    expect(comparable('Société Générale')).toBe('societe generale');
  });

  it('flags fields that differ, and fields only one side has', () => {
    expect(rows.Country).toMatchObject({ odoo: 'DE', ace: 'FR', verdict: 'differs' });
    expect(rows.City).toMatchObject({ odoo: 'Berlin', ace: null, verdict: 'one-side' });
    expect(rows.Contact).toMatchObject({ ace: 'Ann Lee', verdict: 'one-side' });
    expect(rows.Domain.verdict).toBe('neither');
  });

  it('compares amounts with their currency, and copes with a record gone from CORE', () => {
    expect(rows.Amount).toMatchObject({ odoo: '120,000 EUR', verdict: 'same' });
    expect(sideBySide(null, ace).find((row) => row.label === 'Title')).toMatchObject({
      odoo: null,
      verdict: 'one-side',
    });
  });
});
