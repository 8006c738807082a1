import { readFileSync } from 'node:fs';
import { Level, Observation, Signal, SIGNAL_NAMES, SIGNALS } from './signals';

/**
 * Log-odds weights: `prior` is the log-odds that a candidate pair is a match before any
 * signal is read; each signal level adds its weight (positive: seen more among matches than
 * among non-matches). Fellegi–Sunter: weight = ln(P(level | match) / P(level | non-match)).
 */
export interface MatchWeights {
  prior: number;
  signals: { [S in Signal]: Record<Level<S>, number> };
}

/**
 * Estimated by `npm run eval:matching -- --estimate-weights` from the generator's ground
 * truth (seed 42, 2,000 × 1,500, model use-lite-en). Re-estimate from review decisions or
 * for another embedding model (the text bins are the model's cosine).
 */
export const DEFAULT_WEIGHTS: MatchWeights = {
  prior: -4.69,
  signals: {
    reference: { equal: 2.24, different: -2.09, missing: 0 },
    name: { exact: 0.54, high: 0.51, medium: -0.15, low: -1.9, missing: 0 },
    domain: { equal: 0.78, different: -2.36, missing: 0 },
    account: { equal: 0.49, different: -0.61, missing: 0 },
    country: { equal: 0.73, different: -1.78, missing: 0 },
    closeDate: { week: 2.03, month: 1.93, quarter: -1.99, further: -2.94, missing: 0 },
    amount: { consistent: 1.65, plausible: -1.63, inconsistent: -1.06, missing: 0 },
    text: { 'very similar': 1.36, similar: 0.94, related: -0.77, different: -2.51, missing: 0 },
    stage: { consistent: 0.47, inconsistent: -1.56, missing: 0 },
  },
};

/** Weights from a JSON file (MATCH_WEIGHTS_FILE), checked to name every signal and level. */
export function loadWeights(file: string): MatchWeights {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`MATCH_WEIGHTS_FILE ${file}: ${(error as Error).message}`);
  }
  const problems = weightProblems(parsed);
  if (problems.length) throw new Error(`MATCH_WEIGHTS_FILE ${file}: ${problems.join('; ')}`);
  return parsed as MatchWeights;
}

function weightProblems(value: unknown): string[] {
  const w = value as Partial<MatchWeights> | null;
  const problems: string[] = [];
  if (typeof w?.prior !== 'number') problems.push('prior must be a number');
  for (const signal of SIGNAL_NAMES) {
    const levels = (w?.signals as Record<string, Record<string, unknown>> | undefined)?.[signal];
    for (const level of SIGNALS[signal]) {
      if (typeof levels?.[level] !== 'number') {
        problems.push(`signals.${signal}["${level}"] must be a number`);
      }
    }
  }
  return problems;
}

export interface LabelledObservations {
  observations: Observation[];
  match: boolean;
}

/**
 * Weights from labelled candidate pairs, by L2-regularised logistic regression on the
 * signals' levels: the weights whose sum best predicts the labels. Unlike estimating each
 * signal on its own (naive Fellegi–Sunter), this accounts for signals that say the same
 * thing: the customer's name, domain, AWS account and country agree together, also on a
 * different deal of the same customer, so together they are worth less than their sum.
 * `missing` is the reference level (weight 0: no evidence either way); so is a level never
 * seen. Rounded to 0.01: they are read by people.
 */
export function estimateWeights(
  labelled: LabelledObservations[],
  { l2 = 2, iterations = 4000 }: { l2?: number; iterations?: number } = {},
): MatchWeights {
  const matches = labelled.filter((l) => l.match).length;
  if (matches === 0 || matches === labelled.length) {
    throw new Error('Estimating weights needs both matching and non-matching labelled pairs');
  }
  const columns = SIGNAL_NAMES.flatMap((signal) =>
    SIGNALS[signal].filter((level) => level !== 'missing').map((level) => `${signal}:${level}`),
  );
  const column = new Map(columns.map((c, i) => [c, i]));
  const rows = labelled.map(({ observations, match }) => ({
    x: observations
      .map((o) => column.get(`${o.signal}:${o.level}`))
      .filter((i): i is number => i !== undefined),
    y: match ? 1 : 0,
  }));
  const w = fitLogistic(rows, columns.length, l2, iterations);
  const round = (x: number) => Math.round(x * 100) / 100;
  const signals = Object.fromEntries(
    SIGNAL_NAMES.map((signal) => [
      signal,
      Object.fromEntries(
        SIGNALS[signal].map((level) => {
          const i = column.get(`${signal}:${level}`);
          return [level, i === undefined ? 0 : round(w[i + 1])];
        }),
      ),
    ]),
  );
  return { prior: round(w[0]), signals: signals as MatchWeights['signals'] };
}

/**
 * Minimises Σ log-loss + l2/2 · |w|² (the intercept w[0] unpenalised) with Adam over full
 * batches; rows are sparse 0/1 features (`x`: the indices that are 1).
 */
function fitLogistic(
  rows: { x: number[]; y: number }[],
  features: number,
  l2: number,
  iterations: number,
): Float64Array {
  const n = features + 1;
  const w = new Float64Array(n);
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  const rate = 0.05;
  const [beta1, beta2] = [0.9, 0.999];
  for (let t = 1; t <= iterations; t++) {
    const grad = new Float64Array(n);
    for (const { x, y } of rows) {
      let z = w[0];
      for (const i of x) z += w[i + 1];
      const error = 1 / (1 + Math.exp(-z)) - y;
      grad[0] += error;
      for (const i of x) grad[i + 1] += error;
    }
    for (let i = 0; i < n; i++) {
      const g = (grad[i] + (i === 0 ? 0 : l2 * w[i])) / rows.length;
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      const mHat = m[i] / (1 - beta1 ** t);
      const vHat = v[i] / (1 - beta2 ** t);
      w[i] -= (rate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  return w;
}
