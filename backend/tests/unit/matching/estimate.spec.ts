import { COMPARISON_NAMES, groupOf, levelsOf } from '@revops/matching/comparison/comparisons';
import { DEFAULT_MODEL } from '@revops/matching/model/default-model';
import {
  customerCertain,
  dealCertain,
  estimateM,
  estimateModel,
  estimateU,
  monotone,
  TrainingPair,
} from '@revops/matching/model/estimate';
import { MatchModelParameters } from '@revops/matching/model/match-model';
import { seeded } from '@revops/matching/model/random-pairs';

/** The truth to recover: the default model with every m and s moved, still monotone. */
function truth(): MatchModelParameters {
  const p = structuredClone(DEFAULT_MODEL.parameters);
  const set = (c: keyof typeof p.comparisons, key: 'm' | 's', values: number[]) =>
    levelsOf(c).forEach((level, l) => (p.comparisons[c][level][key] = values[l]));
  set('name', 'm', [0.6, 0.01, 0.2, 0.1, 0.06, 0.03]);
  set('address', 'm', [0.35, 0.3, 0.25, 0.1]);
  set('phone', 'm', [0.7, 0.3]);
  set('closeDate', 'm', [0.5, 0.3, 0.15, 0.03, 0.015, 0.005]);
  set('closeDate', 's', [0.05, 0.1, 0.15, 0.2, 0.25, 0.25]);
  set('amount', 'm', [0.7, 0.2, 0.07, 0.03]);
  set('text', 'm', [0.3, 0.4, 0.2, 0.07, 0.03]);
  set('text', 's', [0.05, 0.15, 0.3, 0.3, 0.2]);
  return p;
}

function draw(r: () => number, probabilities: number[]): number {
  let x = r();
  for (let l = 0; l < probabilities.length; l++) {
    x -= probabilities[l];
    if (x < 0) return l;
  }
  return probabilities.length - 1;
}

/** Pairs of each class with levels drawn from its distribution (a few comparisons missing). */
function simulate(
  p: MatchModelParameters,
  counts: { D: number; S: number; N: number },
): TrainingPair[] {
  const r = seeded(7);
  const pairs: TrainingPair[] = [];
  for (const [kind, n] of Object.entries(counts)) {
    for (let i = 0; i < n; i++) {
      const levels = new Int8Array(COMPARISON_NAMES.length);
      COMPARISON_NAMES.forEach((c, k) => {
        const level = (key: 'm' | 'u' | 's') => levelsOf(c).map((l) => p.comparisons[c][l][key] ?? p.comparisons[c][l].m); // prettier-ignore
        const key = kind === 'N' ? 'u' : kind === 'D' || groupOf(c) === 'customer' ? 'm' : 's';
        levels[k] = r() < 0.1 ? -1 : draw(r, level(key));
      });
      pairs.push({ levels, tfU: new Float64Array(COMPARISON_NAMES.length).fill(NaN) });
    }
  }
  return pairs;
}

describe('estimateM (EM)', () => {
  it('recovers known m and s within 0.05, and the priors, from pairs simulated with them', () => {
    const known = truth();
    const counts = { D: 1500, S: 2000, N: 8000 };
    const pairsTotal = 1_000_000;
    const start = structuredClone(DEFAULT_MODEL.parameters);
    COMPARISON_NAMES.forEach((c) => levelsOf(c).forEach((l) => (start.comparisons[c][l].u = known.comparisons[c][l].u))); // prettier-ignore
    const { parameters, converged } = estimateM(simulate(known, counts), start, { pairsTotal, minU: 1e-6 }); // prettier-ignore
    expect(converged).toBe(true);
    const off: string[] = [];
    for (const c of COMPARISON_NAMES) {
      for (const level of levelsOf(c)) {
        const [got, want] = [parameters.comparisons[c][level], known.comparisons[c][level]];
        if (Math.abs(got.m - want.m) >= 0.05) off.push(`${c} ${level} m ${got.m} ≠ ${want.m}`);
        if (groupOf(c) === 'deal' && Math.abs(got.s! - want.s!) >= 0.05) {
          off.push(`${c} ${level} s ${got.s} ≠ ${want.s}`);
        }
      }
    }
    expect(off).toEqual([]);
    expect(parameters.lambda).toBeCloseTo(counts.D / pairsTotal, 4);
    expect(parameters.lambdaOtherDeal).toBeCloseTo(counts.S / pairsTotal, 4);
  });

  it('estimateModel recovers them too, each comparison in its own session', () => {
    const known = truth();
    const pairsTotal = 1_000_000;
    const start = structuredClone(DEFAULT_MODEL.parameters);
    COMPARISON_NAMES.forEach((c) => levelsOf(c).forEach((l) => (start.comparisons[c][l].u = known.comparisons[c][l].u))); // prettier-ignore
    const pairs = simulate(known, { D: 1500, S: 2000, N: 8000 });
    const { parameters, sessions } = estimateModel(pairs, start, { pairsTotal, minU: 1e-6 });
    expect(sessions.map((s) => [s.name, s.pairs > 0, s.converged])).toEqual([
      ['deal', true, true],
      ['customer', true, true],
      ['priors', true, true],
    ]);
    expect(sessions[0].pairs).toBe(pairs.filter(customerCertain).length);
    expect(sessions[1].pairs).toBe(pairs.filter(dealCertain).length);
    const off = COMPARISON_NAMES.flatMap((c) =>
      levelsOf(c)
        .filter((l) => Math.abs(parameters.comparisons[c][l].m - known.comparisons[c][l].m) >= 0.05)
        .map((l) => `${c} ${l} m ${parameters.comparisons[c][l].m} ≠ ${known.comparisons[c][l].m}`),
    );
    expect(off).toEqual([]);
    expect(parameters.lambda).toBeCloseTo(1500 / pairsTotal, 4);
  });

  it('keeps a labelled pair in its class', () => {
    const known = truth();
    const pairs = simulate(known, { D: 0, S: 0, N: 300 }).map((p) => ({ ...p, label: true }));
    const { expected } = estimateM(pairs, known, { pairsTotal: 1e6, minU: 1e-6 });
    expect(expected.deal).toBe(300);
  });
});

describe('estimateU', () => {
  it('is each level’s share among random pairs, a never-seen level small but not zero', () => {
    const levels = (phone: number) => {
      const l = new Int8Array(COMPARISON_NAMES.length).fill(-1);
      l[COMPARISON_NAMES.indexOf('phone')] = phone;
      return { levels: l };
    };
    const p = estimateU([...Array(999).fill(levels(1)), levels(0)], DEFAULT_MODEL.parameters);
    expect(p.comparisons.phone.equal.u).toBeCloseTo(1.5 / 1001, 6);
    expect(p.comparisons.phone.different.u).toBeCloseTo(999.5 / 1001, 6);
    expect(p.comparisons.name).toEqual(DEFAULT_MODEL.parameters.comparisons.name); // never observed
  });
});

describe('monotone', () => {
  it('pools levels whose weight would rise down the list, keeping Σ m', () => {
    const m = Float64Array.from([0.5, 0.1, 0.3, 0.1]);
    const u = Float64Array.from([0.1, 0.2, 0.2, 0.5]);
    monotone(m, u);
    const ratios = [...m].map((x, i) => x / u[i]);
    expect(ratios[1]).toBeCloseTo(ratios[2], 12);
    expect(ratios[0]).toBeGreaterThan(ratios[1]);
    expect(m.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});
