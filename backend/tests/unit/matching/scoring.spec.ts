import {
  assign,
  DEFAULT_WEIGHTS,
  estimateWeights,
  observe,
  probabilityOf,
  scorePair,
  ScoredPair,
  SIGNAL_NAMES,
} from '@revops/matching';
import type { PairFeatures } from '@revops/matching/scoring/pair-features';

/** A pair that agrees on everything: the same deal typed twice. */
function samePair(overrides: Partial<PairFeatures> = {}): PairFeatures {
  return {
    aceId: 'O1000001',
    odooId: '42',
    foundBy: ['domain', 'name'],
    partnerReference: null,
    nameSimilarity: 1,
    aceDomain: 'acme.com',
    odooDomain: 'acme.com',
    aceAccount: '123456789012',
    odooAccounts: ['123456789012'],
    aceCountry: 'DE',
    odooCountry: 'DE',
    aceCloseDate: '2026-03-01',
    odooCloseDate: '2026-03-15',
    aceMonthlySpend: 1000,
    aceContractMonths: null,
    odooRevenue: 24_000,
    textSimilarity: 0.93,
    aceStage: 'Qualified',
    odooStage: 'Qualified',
    odooWon: false,
    odooLost: false,
    ...overrides,
  };
}

const levelOf = (pair: PairFeatures, signal: string) =>
  observe(pair).find((o) => o.signal === signal)?.level;

describe('signals', () => {
  it('read each field pair into a level, and missing data as missing', () => {
    const pair = samePair();
    expect(Object.fromEntries(observe(pair).map((o) => [o.signal, o.level]))).toEqual({
      reference: 'missing',
      name: 'exact',
      domain: 'equal',
      account: 'equal',
      country: 'equal',
      closeDate: 'month',
      amount: 'consistent',
      text: 'very similar',
      stage: 'consistent',
    });
    const empty = samePair({
      nameSimilarity: null,
      aceDomain: null,
      aceAccount: null,
      odooCountry: null,
      odooCloseDate: null,
      odooRevenue: null,
      textSimilarity: null,
      aceStage: null,
    });
    for (const o of observe(empty).filter((x) => x.signal !== 'reference')) {
      expect([o.signal, o.level]).toEqual([o.signal, 'missing']);
    }
  });

  it('compare ACE monthly spend with the Odoo total as months of spend, or totals when ACE gives the term', () => {
    expect(levelOf(samePair({ odooRevenue: 24_000 }), 'amount')).toBe('consistent'); // 24 months
    expect(levelOf(samePair({ odooRevenue: 6_000 }), 'amount')).toBe('plausible'); // 6 months
    expect(levelOf(samePair({ odooRevenue: 500 }), 'amount')).toBe('inconsistent');
    const withTerm = { aceContractMonths: 36 };
    expect(levelOf(samePair({ ...withTerm, odooRevenue: 40_000 }), 'amount')).toBe('consistent');
    expect(levelOf(samePair({ ...withTerm, odooRevenue: 24_000 }), 'amount')).toBe('plausible');
  });

  it('match stages: won with Launched, lost with Closed Lost, open with open', () => {
    expect(levelOf(samePair({ odooWon: true, aceStage: 'Launched' }), 'stage')).toBe('consistent');
    expect(levelOf(samePair({ odooWon: true, aceStage: 'Prospect' }), 'stage')).toBe('inconsistent'); // prettier-ignore
    expect(levelOf(samePair({ odooLost: true, aceStage: 'Closed Lost' }), 'stage')).toBe('consistent'); // prettier-ignore
    expect(levelOf(samePair({ aceStage: 'Closed Lost' }), 'stage')).toBe('inconsistent');
  });

  it('read a partner reference naming another lead as a contradiction', () => {
    expect(levelOf(samePair({ partnerReference: '42' }), 'reference')).toBe('equal');
    expect(levelOf(samePair({ partnerReference: '43' }), 'reference')).toBe('different');
  });
});

describe('scorePair', () => {
  it('explains itself: the contributions, prior first, sum to the score', () => {
    for (const pair of [samePair(), samePair({ aceDomain: 'other.com', textSimilarity: 0.5 })]) {
      const scored = scorePair(pair, DEFAULT_WEIGHTS);
      const { contributions } = scored.explanation;
      expect(contributions.map((c) => c.signal)).toEqual(['prior', ...SIGNAL_NAMES]);
      expect(contributions.reduce((sum, c) => sum + c.weight, 0)).toBe(scored.score);
      expect(scored.probability).toBeCloseTo(probabilityOf(scored.score), 12);
      expect(scored.explanation.foundBy).toEqual(['domain', 'name']);
    }
  });

  it('ranks the same deal above the same customer with another deal', () => {
    const same = scorePair(samePair(), DEFAULT_WEIGHTS);
    const otherDeal = scorePair(
      samePair({ textSimilarity: 0.6, odooCloseDate: '2026-09-01', odooRevenue: 900_000 }),
      DEFAULT_WEIGHTS,
    );
    expect(same.probability).toBeGreaterThan(0.95);
    expect(otherDeal.probability).toBeLessThan(0.5);
  });
});

describe('assign', () => {
  const pair = (aceId: string, odooId: string, probability: number): ScoredPair => ({
    aceId,
    odooId,
    probability,
    score: Math.log(probability / (1 - probability)),
    explanation: { contributions: [], foundBy: [] },
  });
  const thresholds = { reviewAt: 0.5, autoLinkAt: 0.9 };

  it('links one ACE opportunity to one Odoo lead, best pairs first', () => {
    const links = assign(
      [pair('A', '1', 0.8), pair('A', '2', 0.97), pair('B', '2', 0.95), pair('B', '1', 0.7)],
      thresholds,
    );
    expect(links.map((l) => [l.aceId, l.odooId, l.status])).toEqual([
      ['A', '2', 'auto_linked'],
      ['B', '1', 'proposed'],
    ]);
  });

  it('discards pairs below the review threshold, rejected pairs and taken records', () => {
    const links = assign(
      [pair('A', '1', 0.4), pair('B', '2', 0.99), pair('C', '3', 0.99), pair('D', '4', 0.99)],
      { ...thresholds, rejected: new Set(['B:2']), takenOdoo: new Set(['3']), takenAce: new Set(['D']) }, // prettier-ignore
    );
    expect(links).toEqual([]);
  });
});

describe('estimateWeights', () => {
  it('learns that the customer alone is not the deal: same customer, other deal scores low', () => {
    const otherDeal = { textSimilarity: 0.5, odooCloseDate: '2026-12-01', odooRevenue: 900_000 };
    const stranger = { aceDomain: 'other.com', nameSimilarity: 0.3, aceAccount: null };
    const labelled = [
      ...Array.from({ length: 100 }, () => ({ pair: samePair(), match: true })),
      ...Array.from({ length: 100 }, () => ({ pair: samePair(otherDeal), match: false })),
      ...Array.from({ length: 400 }, () => ({ pair: samePair(stranger), match: false })),
      ...Array.from({ length: 400 }, () => ({
        pair: samePair({ ...stranger, ...otherDeal }),
        match: false,
      })),
    ].map(({ pair, match }) => ({ observations: observe(pair), match }));
    const weights = estimateWeights(labelled);
    expect(scorePair(samePair(), weights).probability).toBeGreaterThan(0.9);
    expect(scorePair(samePair(otherDeal), weights).probability).toBeLessThan(0.1);
    expect(scorePair(samePair(stranger), weights).probability).toBeLessThan(0.1);
    expect(weights.signals.text['very similar']).toBeGreaterThan(weights.signals.text.different);
    // Never seen, or no evidence: 0.
    expect(weights.signals.closeDate.week).toBe(0);
    expect(weights.signals.reference.missing).toBe(0);
    expect(() => estimateWeights(labelled.filter((l) => l.match))).toThrow(/both/);
  });
});
