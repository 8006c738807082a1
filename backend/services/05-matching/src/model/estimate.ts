import { COMPARISON_NAMES, levelsOf } from '../comparison/comparisons';
import { MatchModelParameters } from './match-model';
import { EncodedPair, effectiveU, logAddExp, modelArrays } from './score';

/**
 * u: how often each level occurs among random Odoo × ACE pairs of this deployment (nearly
 * all different customers). Counts with half a pair added to every level, so a level never
 * seen in the sample gets a small u rather than zero. A comparison never observed keeps the
 * starting u.
 */
export function estimateU(
  random: Pick<EncodedPair, 'levels'>[],
  start: MatchModelParameters,
): MatchModelParameters {
  const parameters = structuredClone(start);
  COMPARISON_NAMES.forEach((comparison, c) => {
    const levels = levelsOf(comparison);
    const counts = new Float64Array(levels.length);
    for (const pair of random) if (pair.levels[c] >= 0) counts[pair.levels[c]]++;
    const observed = counts.reduce((a, b) => a + b, 0);
    if (observed === 0) return;
    levels.forEach((level, l) => {
      parameters.comparisons[comparison][level].u = (counts[l] + 0.5) / (observed + 0.5 * levels.length); // prettier-ignore
    });
  });
  return parameters;
}

export interface TrainingPair extends EncodedPair {
  /** An analyst's decision or ground truth: the pair is (not) the same deal. */
  label?: boolean;
}

export interface EstimateOptions {
  /** Every Odoo lead × ACE opportunity pair: candidates are a sample of them. */
  pairsTotal: number;
  /** The least u a term frequency can give (one record in all). */
  minU: number;
  maxIterations?: number;
  /** Stop when no m or s moves more than this. */
  tolerance?: number;
  /**
   * Pseudo-pairs drawn toward the starting values: a prior that keeps a level never seen
   * among a few hundred matches from weighing as if it were impossible.
   */
  pseudoCount?: number;
  onIteration?: (iteration: number, change: number) => void;
}

export interface EstimateResult {
  parameters: MatchModelParameters;
  iterations: number;
  converged: boolean;
  /** Expected numbers of same-deal and other-deal pairs among the candidates. */
  expected: { deal: number; otherDeal: number };
}

/**
 * m, s, λ by expectation–maximisation over candidate pairs, u held at its random-pair
 * estimate (as Splink does). Each pair is a mixture of same deal (D), same customer's other
 * deal (S) and different customers (N); the E-step weighs each pair's classes, the M-step
 * counts levels with those weights: customer comparisons' m from D and S together, deal
 * comparisons' m from D and s from S. Labelled pairs keep their class: a match is D, a
 * non-match is S or N. Non-candidate pairs are taken as N, so λ is per all pairs.
 */
export function estimateM(
  pairs: TrainingPair[],
  start: MatchModelParameters,
  options: EstimateOptions,
): EstimateResult {
  const { pairsTotal, minU, maxIterations = 200, tolerance = 1e-4, pseudoCount = 10 } = options;
  const parameters = structuredClone(start);
  const model = modelArrays(parameters);
  const prior = modelArrays(start);
  const C = COMPARISON_NAMES.length;
  // ln u after term frequency, fixed through the iterations.
  const logU = pairs.map((pair) => {
    const out = new Float64Array(C);
    for (let c = 0; c < C; c++) {
      const l = pair.levels[c];
      if (l >= 0) out[c] = Math.log(effectiveU(model.u[c][l], pair.tfU[c], minU));
    }
    return out;
  });
  let { lambda, lambdaOtherDeal } = parameters;
  let iterations = 0;
  let converged = false;
  let expected = { deal: 0, otherDeal: 0 };
  while (iterations < maxIterations && !converged) {
    iterations++;
    const logM = model.m.map((row) => row.map(Math.log));
    const logS = model.s.map((row) => row.map(Math.log));
    const countM = model.m.map((row) => new Float64Array(row.length));
    const countS = model.s.map((row) => new Float64Array(row.length));
    let sumD = 0;
    let sumS = 0;
    const [priorD, priorS, priorN] = [Math.log(lambda), Math.log(lambdaOtherDeal), Math.log(1 - lambda - lambdaOtherDeal)]; // prettier-ignore
    pairs.forEach((pair, i) => {
      let [d, s, n] = [priorD, priorS, priorN];
      for (let c = 0; c < C; c++) {
        const l = pair.levels[c];
        if (l < 0) continue;
        d += logM[c][l];
        s += model.isDeal[c] ? logS[c][l] : logM[c][l];
        n += logU[i][c];
      }
      let rD: number;
      let rS: number;
      if (pair.label === true) [rD, rS] = [1, 0];
      else if (pair.label === false) [rD, rS] = [0, Math.exp(s - logAddExp(s, n))];
      else {
        const total = logAddExp(logAddExp(d, s), n);
        [rD, rS] = [Math.exp(d - total), Math.exp(s - total)];
      }
      sumD += rD;
      sumS += rS;
      for (let c = 0; c < C; c++) {
        const l = pair.levels[c];
        if (l < 0) continue;
        if (model.isDeal[c]) {
          countM[c][l] += rD;
          countS[c][l] += rS;
        } else countM[c][l] += rD + rS;
      }
    });
    const next = (counts: Float64Array[], from: Float64Array[]) =>
      counts.map((row, c) => {
        const total = row.reduce((a, b) => a + b, 0) + pseudoCount;
        return row.map((count, l) => (count + pseudoCount * from[c][l]) / total);
      });
    const nextM = next(countM, prior.m);
    nextM.forEach((m, c) => monotone(m, model.u[c]));
    const nextS = next(countS, prior.s);
    let change = 0;
    for (const [target, values] of [
      [model.m, nextM],
      [model.s, nextS],
    ] as const) {
      values.forEach((row, c) =>
        row.forEach((value, l) => {
          change = Math.max(change, Math.abs(value - target[c][l]));
          target[c][l] = value;
        }),
      );
    }
    lambda = Math.min(0.5, Math.max(1 / pairsTotal, sumD / pairsTotal));
    lambdaOtherDeal = Math.min(0.5, Math.max(1 / pairsTotal, sumS / pairsTotal));
    expected = { deal: sumD, otherDeal: sumS };
    options.onIteration?.(iterations, change);
    converged = change < tolerance;
  }
  parameters.lambda = lambda;
  parameters.lambdaOtherDeal = lambdaOtherDeal;
  COMPARISON_NAMES.forEach((comparison, c) => {
    levelsOf(comparison).forEach((level, l) => {
      const p = parameters.comparisons[comparison][level];
      p.m = model.m[c][l];
      if (model.isDeal[c]) p.s = model.s[c][l];
    });
  });
  return { parameters, iterations, converged, expected };
}

/**
 * Levels are listed strongest agreement first, so their weights ln(m/u) must not rise down
 * the list: a closer date never counts less than a farther one, an "agree" amount never less
 * than a "far" one. Where the estimate says otherwise (too few pairs), adjacent levels are
 * pooled to their common ratio (pool-adjacent-violators, weighted by u), which keeps Σ m = 1.
 */
export function monotone(m: Float64Array, u: Float64Array): void {
  const blocks: { m: number; u: number; from: number; to: number }[] = [];
  for (let l = 0; l < m.length; l++) {
    blocks.push({ m: m[l], u: u[l], from: l, to: l });
    while (blocks.length > 1) {
      const [a, b] = [blocks[blocks.length - 2], blocks[blocks.length - 1]];
      if (a.m / a.u >= b.m / b.u) break;
      blocks.splice(-2, 2, { m: a.m + b.m, u: a.u + b.u, from: a.from, to: b.to });
    }
  }
  for (const block of blocks) {
    for (let l = block.from; l <= block.to; l++) m[l] = (block.m / block.u) * u[l];
  }
}
