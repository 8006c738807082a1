import { compareRecords, COMPARISON_NAMES } from '@revops/matching/comparison/comparisons';
import { aceRecord, odooRecord } from './match-records';

const ace = aceRecord('A1', {
  customer: 'Lakeview Clinic',
  domain: 'lakeview.org',
  country: 'US',
  street: '12 Main St',
  postcode: '02110',
  city: 'Boston',
  phones: ['+1 617 555 0100'],
  emails: ['ana@lakeview.org'],
  contacts: ['Ana Souza'],
  duns: '123456789',
  awsAccounts: ['111122223333'],
  reference: '7',
  closeDate: '2026-03-01',
  monthly: 10_000,
  months: 24,
  stage: 'Qualified',
});

const same = odooRecord('7', {
  customer: 'Lakeview Clinic, Inc.',
  domain: 'lakeview.org',
  country: 'US',
  street: '12 Main Street',
  postcode: '02110',
  city: 'Boston',
  phones: ['(617) 555-0100'],
  emails: ['ANA@lakeview.org'],
  contacts: ['Souza, Ana'],
  duns: '12-345-6789',
  awsAccounts: ['111122223333'],
  closeDate: '2026-03-05',
  total: 240_000,
  stage: 'open',
});

const other = odooRecord('8', {
  customer: 'Harbor Bakery',
  domain: 'harbor.com',
  country: 'CA',
  street: '9 Bay Rd',
  postcode: 'M5V 2T6',
  city: 'Toronto',
  phones: ['+1 416 555 0199'],
  emails: ['bo@harbor.com'],
  contacts: ['Bo Lee'],
  duns: '987654321',
  awsAccounts: ['999988887777'],
  closeDate: '2027-09-01',
  total: 9_000,
  stage: 'won',
});

const levels = (a: typeof ace, b: typeof same, cosine: number | null) =>
  Object.fromEntries(compareRecords(a, b, cosine).map((o) => [o.comparison, o.level]));

describe('compareRecords: every comparison on a matching and a non-matching pair', () => {
  it('the same deal agrees on every comparison', () => {
    expect(levels(ace, same, 0.93)).toEqual({
      name: 'exact',
      domain: 'equal',
      account: 'equal',
      country: 'equal',
      address: 'street',
      phone: 'equal',
      email: 'equal',
      contact: 'equal',
      duns: 'equal',
      reference: 'equal',
      closeDate: '≤ 7 days',
      amount: 'agree',
      text: '≥ 0.9',
      stage: 'consistent',
    });
  });

  it('a stranger disagrees on every comparison', () => {
    expect(levels(ace, other, 0.3)).toEqual({
      name: 'different',
      domain: 'different',
      account: 'different',
      country: 'different',
      address: 'different',
      phone: 'different',
      email: 'different',
      contact: 'different',
      duns: 'different',
      reference: 'different',
      closeDate: 'further',
      amount: 'very far',
      text: '< 0.6',
      stage: 'inconsistent',
    });
  });

  it('missing on either side is missing, never a disagreement', () => {
    const empty = odooRecord('9');
    const read = levels(ace, empty, null);
    expect(COMPARISON_NAMES.filter((c) => read[c] !== 'missing')).toEqual(['reference']);
    expect(read.reference).toBe('different'); // ACE names another lead
  });
});
