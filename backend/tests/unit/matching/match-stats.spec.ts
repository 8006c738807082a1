import { MATCH_STATUSES } from '@revops/matching';
import { matchStatsOf, PROBABILITY_BINS } from '@revops/matching/review/match-stats';

const zeros = { proposed: 0, auto_linked: 0, approved: 0, rejected: 0, superseded: 0 };

describe('matchStatsOf', () => {
  it('with no match: every status and every bin, all zero', () => {
    const stats = matchStatsOf(MATCH_STATUSES, []);
    expect(stats.total).toBe(0);
    expect(stats.byStatus).toEqual(zeros);
    expect(stats.probabilityBins).toHaveLength(PROBABILITY_BINS);
    expect(stats.probabilityBins.map((b) => [b.from, b.to])).toEqual([
      [0, 0.1], [0.1, 0.2], [0.2, 0.3], [0.3, 0.4], [0.4, 0.5],
      [0.5, 0.6], [0.6, 0.7], [0.7, 0.8], [0.8, 0.9], [0.9, 1],
    ]); // prettier-ignore
    for (const bin of stats.probabilityBins) {
      expect(bin).toMatchObject({ total: 0, byStatus: zeros });
    }
  });

  it('adds the grouped counts up per status, per bin and in all', () => {
    const stats = matchStatsOf(MATCH_STATUSES, [
      { status: 'proposed', bin: 5, count: 3 },
      { status: 'proposed', bin: 9, count: 1 },
      { status: 'auto_linked', bin: 9, count: 4 },
      { status: 'rejected', bin: 0, count: 2 },
    ]);
    expect(stats.total).toBe(10);
    expect(stats.byStatus).toEqual({ ...zeros, proposed: 4, auto_linked: 4, rejected: 2 });
    expect(stats.probabilityBins[9]).toEqual({
      from: 0.9,
      to: 1,
      total: 5,
      byStatus: { ...zeros, proposed: 1, auto_linked: 4 },
    });
    expect(stats.probabilityBins[0].byStatus).toEqual({ ...zeros, rejected: 2 });
    expect(stats.probabilityBins.reduce((sum, bin) => sum + bin.total, 0)).toBe(stats.total);
  });

  it('bins do not share their counts objects', () => {
    const stats = matchStatsOf(MATCH_STATUSES, [{ status: 'approved', bin: 1, count: 1 }]);
    expect(stats.probabilityBins[2].byStatus.approved).toBe(0);
    expect(stats.byStatus.approved).toBe(1);
  });
});
