import { COMPARISON_NAMES, ComparisonName, groupOf, levelsOf } from '../comparison/comparisons';
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
  /**
   * The pairs the priors are a share of: every Odoo lead × ACE opportunity pair (candidates
   * are a sample of them), or a session's own pairs.
   */
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
  /**
   * Comparisons left out of this session: neither read in the E-step nor re-estimated (the
   * ones the session's pairs were chosen by, as in Splink's training sessions).
   */
  ignore?: ReadonlySet<ComparisonName>;
  /** Hold every m and s: estimate the priors only. */
  priorsOnly?: boolean;
  /**
   * A class this session's pairs cannot tell apart from another, left out: two classes
   * converge where three would drift (S: the customer comparisons are left out, so the
   * same deal and another deal of a customer look alike; N: the pairs were chosen as the
   * same customer).
   */
  without?: 'S' | 'N';
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
  const read = COMPARISON_NAMES.map((c) => !options.ignore?.has(c));
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
    const [priorD, priorS, priorN] = [
      Math.log(lambda),
      options.without === 'S' ? -Infinity : Math.log(lambdaOtherDeal),
      options.without === 'N' ? -Infinity : Math.log(1 - lambda - lambdaOtherDeal),
    ];
    pairs.forEach((pair, i) => {
      let [d, s, n] = [priorD, priorS, priorN];
      for (let c = 0; c < C; c++) {
        const l = pair.levels[c];
        if (l < 0 || !read[c]) continue;
        d += logM[c][l];
        s += model.isDeal[c] ? logS[c][l] : logM[c][l];
        n += logU[i][c];
      }
      let rD: number;
      let rS: number;
      if (pair.label === true) [rD, rS] = [1, 0];
      else if (pair.label === false)
        [rD, rS] = [0, n === -Infinity ? 1 : Math.exp(s - logAddExp(s, n))]; // prettier-ignore
      else {
        const total = logAddExp(logAddExp(d, s), n);
        [rD, rS] = [Math.exp(d - total), Math.exp(s - total)];
      }
      sumD += rD;
      sumS += rS;
      for (let c = 0; c < C; c++) {
        const l = pair.levels[c];
        if (l < 0 || !read[c]) continue;
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
    // An ignored comparison, or every one when only the priors are estimated, keeps its m and s.
    const keep = (c: number) => options.priorsOnly || !read[c];
    const nextM = next(countM, prior.m).map((m, c) => (keep(c) ? model.m[c] : m));
    nextM.forEach((m, c) => monotone(m, model.u[c]));
    const nextS = next(countS, prior.s).map((row, c) => (keep(c) ? model.s[c] : row));
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
    // Within a session's pairs the classes can be most of them; keep room for each.
    const prevLambda = lambda;
    lambda = Math.min(0.9, Math.max(1 / pairsTotal, sumD / pairsTotal));
    lambdaOtherDeal = Math.min(0.99 - lambda, Math.max(1 / pairsTotal, sumS / pairsTotal));
    change = Math.max(change, Math.abs(lambda - prevLambda) / prevLambda / 100);
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

const CUSTOMER = COMPARISON_NAMES.filter((c) => groupOf(c) === 'customer');
const DEAL = COMPARISON_NAMES.filter((c) => groupOf(c) === 'deal');
const index = (c: ComparisonName, level: string) =>
  [COMPARISON_NAMES.indexOf(c), levelsOf(c).indexOf(level)] as const;
const has = (pair: EncodedPair, c: ComparisonName, ...levels: string[]) => {
  const [k] = index(c, levels[0]);
  return levels.some((level) => pair.levels[k] === index(c, level)[1]);
};

/** The customer is as good as certain: an identifier agrees, or the whole name. */
export const customerCertain = (pair: EncodedPair) =>
  has(pair, 'domain', 'equal') ||
  has(pair, 'account', 'equal') ||
  has(pair, 'phone', 'equal') ||
  has(pair, 'email', 'equal') ||
  has(pair, 'duns', 'equal') ||
  has(pair, 'address', 'street') ||
  has(pair, 'name', 'exact');

/** The deal is as good as certain: ACE names the lead, or close date and amount agree. */
export const dealCertain = (pair: EncodedPair) =>
  has(pair, 'reference', 'equal') ||
  (has(pair, 'closeDate', '≤ 7 days', '≤ 30 days') && has(pair, 'amount', 'agree'));

/** A session with fewer pairs than this is skipped: its comparisons keep their start. */
const MIN_SESSION_PAIRS = 50;

export interface SessionSummary {
  name: 'deal' | 'customer' | 'priors';
  pairs: number;
  iterations: number;
  converged: boolean;
}

/**
 * The model from candidate pairs in three EM sessions, as Splink trains with blocking rules,
 * so that no comparison is estimated on pairs chosen by itself, and the latent classes stay
 * what they mean:
 * 1. deal: the pairs whose customer is as good as certain (customerCertain) — the same deal
 *    (D) or another deal of that customer (S); customer comparisons left out; estimates the
 *    deal comparisons' m and s;
 * 2. customer: the pairs whose deal is as good as certain (dealCertain) — the same deal (D)
 *    or another customer's look-alike deal (N); deal comparisons left out; estimates the
 *    customer comparisons' m;
 * 3. priors: every candidate pair, every m and s held, estimates λ and λS per all pairs.
 */
export function estimateModel(
  pairs: TrainingPair[],
  start: MatchModelParameters,
  options: Pick<EstimateOptions, 'pairsTotal' | 'minU' | 'onIteration'>,
): EstimateResult & { sessions: SessionSummary[] } {
  const sessions: SessionSummary[] = [];
  let parameters = start;
  const session = (
    name: 'deal' | 'customer',
    chosen: TrainingPair[],
    ignore: ComparisonName[],
    without: 'S' | 'N',
  ) => {
    if (chosen.length < MIN_SESSION_PAIRS) {
      sessions.push({ name, pairs: chosen.length, iterations: 0, converged: false });
      return;
    }
    // Within a session the classes are shares of its own pairs: start them even.
    const result = estimateM(
      chosen,
      { ...parameters, lambda: 0.3, lambdaOtherDeal: 0.3 },
      {
        ...options,
        pairsTotal: chosen.length,
        ignore: new Set(ignore),
        without,
      },
    );
    // Only the session's own comparisons are kept from it; its priors are the session's.
    parameters = { ...result.parameters, lambda: parameters.lambda, lambdaOtherDeal: parameters.lambdaOtherDeal }; // prettier-ignore
    sessions.push({ name, pairs: chosen.length, iterations: result.iterations, converged: result.converged }); // prettier-ignore
  };
  session('deal', pairs.filter(customerCertain), CUSTOMER, 'N');
  session('customer', pairs.filter(dealCertain), DEAL, 'S');
  const final = estimateM(pairs, parameters, { ...options, priorsOnly: true });
  sessions.push({ name: 'priors', pairs: pairs.length, iterations: final.iterations, converged: final.converged }); // prettier-ignore
  return { ...final, sessions };
}
