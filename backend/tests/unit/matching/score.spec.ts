import { compareRecords, COMPARISON_NAMES } from '@revops/matching/comparison/comparisons';
import { DEFAULT_MODEL } from '@revops/matching/model/default-model';
import { PairScorer, probabilityOf } from '@revops/matching/model/score';
import { TermFrequencies } from '@revops/matching/records/term-frequencies';
import { aceRecord, odooRecord } from './match-records';

const customer = {
  customer: 'Lakeview Clinic',
  domain: 'lakeview.org',
  country: 'US',
  street: '12 Main St',
  postcode: '02110',
  city: 'Boston',
  phones: ['+16175550100'],
};
const ace = aceRecord('A1', { ...customer, closeDate: '2026-03-01', monthly: 10_000, stage: 'Qualified' }); // prettier-ignore
const sameDeal = odooRecord('1', { ...customer, closeDate: '2026-03-10', total: 240_000, stage: 'open' }); // prettier-ignore
const otherDeal = odooRecord('2', { ...customer, closeDate: '2027-06-01', total: 9_000_000, stage: 'won' }); // prettier-ignore
const others = Array.from(
  { length: 200 },
  (_, i) =>
  odooRecord(String(100 + i), { customer: `${i % 2 ? 'Services' : 'Harbor'} Company ${i}`, country: 'US' }), // prettier-ignore
);
const tf = TermFrequencies.of([ace, sameDeal, otherDeal, ...others]);
const scorer = new PairScorer(DEFAULT_MODEL.parameters, tf);

describe('PairScorer', () => {
  it('lists every comparison with its level, m, u and contribution, summing to the score', () => {
    const observations = compareRecords(ace, sameDeal, 0.85);
    const { score, probability, contributions } = scorer.score(observations);
    expect(contributions.map((c) => c.comparison)).toEqual(['prior', ...COMPARISON_NAMES, 'otherDeal']); // prettier-ignore
    expect(contributions.reduce((sum, c) => sum + c.weight, 0)).toBe(score);
    expect(probability).toBeCloseTo(probabilityOf(score), 12);
    const lines = contributions.slice(1, -1);
    expect(lines.filter((l) => l.level === 'missing').every((l) => l.m === null && l.u === null && l.weight === 0)).toBe(true); // prettier-ignore
    for (const line of lines.filter((l) => l.level !== 'missing')) {
      expect(line.weight).toBeCloseTo(Math.log(line.m! / line.u!), 12);
    }
    const name = contributions.find((c) => c.comparison === 'name')!;
    expect(name).toMatchObject({ level: 'exact', tfValue: '=lakeviewclinic' });
    expect(name.uLevel).toBe(DEFAULT_MODEL.parameters.comparisons.name.exact.u);
  });

  it('the same deal is a match; the same customer with another deal is not', () => {
    expect(scorer.score(compareRecords(ace, sameDeal, 0.85)).probability).toBeGreaterThan(0.95);
    const other = scorer.score(compareRecords(ace, otherDeal, 0.4));
    expect(other.probability).toBeLessThan(0.05);
    // The customer evidence is capped: the other-deal term takes most of it back.
    expect(other.contributions.at(-1)!.weight).toBeLessThan(-10);
  });

  it('a shared rare name word counts more than a shared common one', () => {
    const rare = odooRecord('3', { customer: 'Lakeview Dental' });
    const common = odooRecord('4', { customer: 'Services Dental' });
    const weight = (o: typeof rare, a: typeof ace) =>
      scorer.score(compareRecords(a, o, null)).contributions.find((c) => c.comparison === 'name')!;
    const lakeview = weight(rare, aceRecord('A2', { customer: 'Lakeview Bakery' }));
    const services = weight(common, aceRecord('A3', { customer: 'Services Bakery' }));
    expect([lakeview.level, services.level]).toEqual(['related', 'related']);
    expect(lakeview.tfValue).toBe('lakeview');
    expect(lakeview.weight).toBeGreaterThan(services.weight + 2);
  });
});

describe('TermFrequencies', () => {
  it('is the share of records with a value, at least one record', () => {
    expect(tf.frequency('name', 'service')).toBeCloseTo(100 / 203, 6);
    expect(tf.frequency('name', 'never-seen')).toBeCloseTo(1 / 203, 6);
    expect(tf.rarest('name', ['service', 'lakeview'])).toEqual({ value: 'lakeview', frequency: 3 / 203 }); // prettier-ignore
  });
});
