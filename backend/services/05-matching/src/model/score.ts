import {
  COMPARISON_NAMES,
  COMPARISONS,
  ComparisonName,
  groupOf,
  levelsOf,
  Observation,
} from '../comparison/comparisons';
import { TermFrequencies } from '../records/term-frequencies';
import { MatchModelParameters } from './match-model';

/** One line of the waterfall. */
export interface Contribution {
  /** `prior`: the log-odds before any evidence; `otherDeal`: see scoreEncoded. */
  comparison: ComparisonName | 'prior' | 'otherDeal';
  level: string | null;
  value: string | number | null;
  /** P(level | same deal) and P(level | different customers), as used (u after tf). */
  m: number | null;
  u: number | null;
  /** The level's own u, when a rare or common shared value replaced it (term frequency). */
  uLevel?: number;
  /** The shared value whose frequency replaced u. */
  tfValue?: string;
  /** Log-odds added: ln(m / u). The lines sum to the score, in order. */
  weight: number;
}

export interface PairScore {
  /** Log-odds that the pair is the same deal. */
  score: number;
  probability: number;
  contributions: Contribution[];
}

export const probabilityOf = (score: number) => 1 / (1 + Math.exp(-score));
export const logit = (p: number) => Math.log(p / (1 - p));

/** ln(e^a + e^b), without overflow. */
export const logAddExp = (a: number, b: number) =>
  a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));

/**
 * A pair's levels as numbers, for scoring and estimation: `levels[c]` indexes
 * levelsOf(comparison c) (−1: missing); `tfU[c]` is the frequency of the rarest shared
 * value where term frequency applies, else NaN.
 */
export interface EncodedPair {
  levels: Int8Array;
  tfU: Float64Array;
}

const LEVEL_INDEX = new Map(
  COMPARISON_NAMES.map((c) => [c, new Map(levelsOf(c).map((level, i) => [level, i]))]),
);

export function encodeObservations(
  observations: Observation[],
  tf: TermFrequencies | null,
): EncodedPair {
  const levels = new Int8Array(COMPARISON_NAMES.length).fill(-1);
  const tfU = new Float64Array(COMPARISON_NAMES.length).fill(NaN);
  observations.forEach((o, c) => {
    levels[c] = LEVEL_INDEX.get(o.comparison)!.get(o.level) ?? -1;
    if (tf && COMPARISONS[o.comparison].tf && o.level !== 'different' && o.shared?.length) {
      tfU[c] = tf.rarest(o.comparison, o.shared)?.frequency ?? NaN;
    }
  });
  return { levels, tfU };
}

/** The model as arrays indexed like EncodedPair, for the estimation's inner loop. */
export interface ModelArrays {
  m: Float64Array[];
  u: Float64Array[];
  s: Float64Array[];
  isDeal: boolean[];
}

export function modelArrays(parameters: MatchModelParameters): ModelArrays {
  const of = (key: 'm' | 'u' | 's') =>
    COMPARISON_NAMES.map((c) =>
      Float64Array.from(levelsOf(c), (level) => {
        const p = parameters.comparisons[c][level];
        return key === 's' ? (p.s ?? p.m) : p[key];
      }),
    );
  return { m: of('m'), u: of('u'), s: of('s'), isDeal: COMPARISON_NAMES.map((c) => groupOf(c) === 'deal') }; // prettier-ignore
}

/** u after term frequency: the shared value's frequency, at least 1 in `records`. */
export const effectiveU = (u: number, tfU: number, minU: number) =>
  Number.isNaN(tfU) ? u : Math.min(1, Math.max(minU, tfU));

/**
 * The log-odds that a pair is the same deal. Three kinds of pair: the same deal (D), the
 * same customer's other deal (S) and different customers (N). Customer comparisons agree
 * alike in D and S, so the classic Fellegi–Sunter sum would call every deal of a customer a
 * match; with S in the model the log-odds is
 *
 *   logit λ + Σ ln(m/u)  +  [ln(1 − λ) − ln(λN + λS · e^(Wc + V))]
 *
 * where Wc is the customer comparisons' sum and V the deal comparisons' Σ ln(s/u). The last
 * term (`otherDeal` in the waterfall) is ~0 while the customer is uncertain and caps the
 * customer evidence at about ln(1/λS) once it is certain: then only the deal's own
 * comparisons (dates, amounts, text, stage, reference) decide.
 */
export function scoreEncoded(
  pair: EncodedPair,
  model: ModelArrays,
  priors: { lambda: number; lambdaOtherDeal: number },
  minU: number,
): { score: number; weights: Float64Array; otherDeal: number } {
  const weights = new Float64Array(pair.levels.length);
  let customer = 0;
  let otherDealDeal = 0;
  for (let c = 0; c < pair.levels.length; c++) {
    const l = pair.levels[c];
    if (l < 0) continue;
    const u = effectiveU(model.u[c][l], pair.tfU[c], minU);
    weights[c] = Math.log(model.m[c][l] / u);
    if (model.isDeal[c]) otherDealDeal += Math.log(model.s[c][l] / u);
    else customer += weights[c];
  }
  const { lambda, lambdaOtherDeal } = priors;
  const lambdaN = 1 - lambda - lambdaOtherDeal;
  const otherDeal =
    Math.log(1 - lambda) -
    logAddExp(Math.log(lambdaN), Math.log(lambdaOtherDeal) + customer + otherDealDeal);
  let score = logit(lambda);
  for (const w of weights) score += w;
  return { score: score + otherDeal, weights, otherDeal };
}

/** Scores pairs with one model and one deployment's term frequencies. */
export class PairScorer {
  private readonly model: ModelArrays;
  private readonly minU: number;

  constructor(
    readonly parameters: MatchModelParameters,
    private readonly tf: TermFrequencies,
  ) {
    this.model = modelArrays(parameters);
    this.minU = 1 / tf.records;
  }

  /** The pair's score with its waterfall: prior, every comparison, the other-deal term. */
  score(observations: Observation[]): PairScore {
    const { parameters, model, tf, minU } = this;
    const pair = encodeObservations(observations, tf);
    const { weights, otherDeal } = scoreEncoded(pair, model, parameters, minU);
    const contributions: Contribution[] = [
      { comparison: 'prior', level: null, value: null, m: null, u: null, weight: logit(parameters.lambda) }, // prettier-ignore
    ];
    observations.forEach((o, c) => {
      const l = pair.levels[c];
      if (l < 0) {
        contributions.push({ comparison: o.comparison, level: o.level, value: o.value, m: null, u: null, weight: 0 }); // prettier-ignore
        return;
      }
      const uLevel = model.u[c][l];
      const u = effectiveU(uLevel, pair.tfU[c], minU);
      const line: Contribution = { comparison: o.comparison, level: o.level, value: o.value, m: model.m[c][l], u, weight: weights[c] }; // prettier-ignore
      if (!Number.isNaN(pair.tfU[c])) {
        line.uLevel = uLevel;
        line.tfValue = tf.rarest(o.comparison, o.shared ?? [])?.value;
      }
      contributions.push(line);
    });
    contributions.push({ comparison: 'otherDeal', level: null, value: null, m: null, u: null, weight: otherDeal }); // prettier-ignore
    // Summed in this order, so a reader adding the stored weights gets the stored score.
    const score = contributions.reduce((sum, line) => sum + line.weight, 0);
    return { score, probability: probabilityOf(score), contributions };
  }
}
