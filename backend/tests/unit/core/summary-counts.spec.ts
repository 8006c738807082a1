import { summaryCounts } from '@revops/core';

describe('summaryCounts (job rows in /metrics)', () => {
  it('keeps numeric fields, nested ones as dotted paths', () => {
    expect(
      summaryCounts({
        odooOpportunities: 12,
        quarantined: { odooOpportunities: 2, aceOpportunities: 0 },
        awsAccounts: { inserted: 3, updated: 1 },
      }),
    ).toEqual({
      odooOpportunities: 12,
      'quarantined.odooOpportunities': 2,
      'quarantined.aceOpportunities': 0,
      'awsAccounts.inserted': 3,
      'awsAccounts.updated': 1,
    });
  });

  it('leaves out what is not a count: text, flags, lists, null, NaN and infinities', () => {
    expect(
      summaryCounts({
        modelId: 'use-lite-en',
        paused: { reason: 'model down', retryAt: '2026-01-01T00:00:00Z' },
        rebuilt: true,
        ids: [1, 2],
        missing: null,
        ratio: Number.NaN,
        huge: Number.POSITIVE_INFINITY,
        embedded: 4,
      }),
    ).toEqual({ embedded: 4 });
  });
});
