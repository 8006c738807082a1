import { COMPARISON_NAMES, ComparisonName, groupOf, levelsOf } from '../comparison/comparisons';

/**
 * A level's probabilities: `m` among pairs that are the same deal, `u` among random pairs
 * (different customers), and for deal comparisons `s` among pairs of the same customer's
 * other deals (customer comparisons agree there as they do in matches: s = m).
 */
export interface LevelProbabilities {
  m: number;
  u: number;
  s?: number;
}

/** A Fellegi–Sunter model with a class for the same customer's other deals (score.ts). */
export interface MatchModelParameters {
  /** P(same deal) for a random Odoo lead × ACE opportunity pair. */
  lambda: number;
  /** P(same customer, another deal) for a random pair. */
  lambdaOtherDeal: number;
  comparisons: Record<ComparisonName, Record<string, LevelProbabilities>>;
}

/** A stored model: its parameters and where they came from. */
export interface MatchModel {
  /** null: the shipped default, never trained. */
  version: number | null;
  parameters: MatchModelParameters;
}

const isProbability = (x: unknown): x is number => typeof x === 'number' && x > 0 && x < 1;

/** What is wrong with a parameter set (empty when nothing): every comparison and level, m and u in (0, 1). */
export function modelProblems(value: unknown): string[] {
  const p = value as Partial<MatchModelParameters> | null;
  const problems: string[] = [];
  if (!isProbability(p?.lambda)) problems.push('lambda must be a probability');
  if (!isProbability(p?.lambdaOtherDeal)) problems.push('lambdaOtherDeal must be a probability');
  for (const comparison of COMPARISON_NAMES) {
    for (const level of levelsOf(comparison)) {
      const probabilities = p?.comparisons?.[comparison]?.[level];
      const where = `comparisons.${comparison}["${level}"]`;
      if (!isProbability(probabilities?.m)) problems.push(`${where}.m must be in (0, 1)`);
      if (!isProbability(probabilities?.u)) problems.push(`${where}.u must be in (0, 1)`);
      if (groupOf(comparison) === 'deal' && !isProbability(probabilities?.s)) {
        problems.push(`${where}.s must be in (0, 1)`);
      }
    }
  }
  return problems;
}
