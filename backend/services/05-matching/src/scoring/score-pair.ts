import { CandidateKey, PairFeatures } from './pair-features';
import { Level, observe, Signal } from './signals';
import { MatchWeights } from './weights';

/** One line of the waterfall: what a signal read and the log-odds it added. */
export interface Contribution {
  signal: Signal | 'prior';
  level: Level | null;
  value: string | number | null;
  weight: number;
}

/** Stored with each match: the contributions (in order) sum to `score`. */
export interface MatchExplanation {
  contributions: Contribution[];
  foundBy: CandidateKey[];
}

export interface ScoredPair {
  aceId: string;
  odooId: string;
  /** Log-odds: the sum of the contributions. */
  score: number;
  /** 1 / (1 + e^-score) */
  probability: number;
  explanation: MatchExplanation;
}

export const probabilityOf = (score: number) => 1 / (1 + Math.exp(-score));

/** The pair's score: the prior plus every signal's weight for the level it reads. */
export function scorePair(pair: PairFeatures, weights: MatchWeights): ScoredPair {
  const contributions: Contribution[] = [
    { signal: 'prior', level: null, value: null, weight: weights.prior },
    ...observe(pair).map((o) => ({
      ...o,
      weight: (weights.signals[o.signal] as Record<string, number>)[o.level],
    })),
  ];
  // Summed in this order, so a reader adding the stored weights gets the stored score.
  const score = contributions.reduce((sum, c) => sum + c.weight, 0);
  return {
    aceId: pair.aceId,
    odooId: pair.odooId,
    score,
    probability: probabilityOf(score),
    explanation: { contributions, foundBy: pair.foundBy },
  };
}
