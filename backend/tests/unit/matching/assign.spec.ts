import { assign } from '@revops/matching/scoring/assign';
import { ScoredPair } from '@revops/matching/scoring/scored-pair';

const pair = (aceId: string, odooId: string, probability: number): ScoredPair => ({
  aceId,
  odooId,
  probability,
  score: Math.log(probability / (1 - probability)),
  explanation: { modelVersion: null, contributions: [], foundBy: [] },
});
const thresholds = { reviewAt: 0.5, autoLinkAt: 0.9 };

describe('assign', () => {
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
