import {
  amountBand,
  closeDateBand,
  stageBand,
  textBand,
} from '@revops/matching/comparison/deal-bands';

describe('deal bands', () => {
  it('close dates in bands up to two months and beyond, no cliff in between', () => {
    expect(closeDateBand('2026-03-01', '2026-03-05')).toEqual({ level: '≤ 7 days', days: 4 });
    expect(closeDateBand('2026-03-01', '2026-03-15').level).toBe('≤ 30 days');
    expect(closeDateBand('2026-03-01', '2026-04-25').level).toBe('≤ 60 days');
    expect(closeDateBand('2026-03-01', '2026-06-01').level).toBe('≤ 120 days');
    expect(closeDateBand('2026-03-01', '2027-03-01').level).toBe('further');
  });

  it('amounts: an Odoo total within 10–40 months of ACE spend, or the ACE contract, agrees', () => {
    expect(amountBand(240_000, 10_000, null)).toEqual({ level: 'agree', months: 24 });
    // ACE counts a 12-month contract, Odoo three years: 36 months is still plausible.
    expect(amountBand(360_000, 10_000, 12).level).toBe('agree');
    expect(amountBand(600_000, 10_000, null).level).toBe('close'); // 60 months
    expect(amountBand(40_000, 10_000, null).level).toBe('far'); // 4 months
    expect(amountBand(5_000_000, 10_000, null).level).toBe('very far');
  });

  it('text cosines and stages', () => {
    expect(textBand(0.93)).toBe('≥ 0.9');
    expect(textBand(0.75)).toBe('≥ 0.7');
    expect(textBand(0.2)).toBe('< 0.6');
    expect(stageBand('won', 'Launched')).toBe('consistent');
    expect(stageBand('lost', 'Launched')).toBe('inconsistent');
    expect(stageBand('open', 'Technical Validation')).toBe('consistent');
  });
});
