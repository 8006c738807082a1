/** One bar of a score's waterfall: where the running log-odds stood before and after it. */
export interface WaterfallStep {
  label: string;
  level: string | null;
  value: string | null;
  weight: number;
  start: number;
  end: number;
}

interface Contribution {
  comparison: string;
  level: string | null;
  value?: unknown;
  weight: number;
}

const LABELS: Record<string, string> = {
  prior: 'Prior',
  otherDeal: 'Other deal',
};

/**
 * The waterfall from prior to score: each contribution's bar starts where the previous
 * one ended, so the last bar ends at the sum of the weights, which the API sends as the
 * score. Sums in ten-thousandths, as the weights are sent, so no float drift shows.
 */
export function waterfallSteps(contributions: readonly Contribution[]): WaterfallStep[] {
  let total = 0;
  return contributions.map((line) => {
    const start = total / 10_000;
    total += Math.round(line.weight * 10_000);
    return {
      label: LABELS[line.comparison] ?? line.comparison,
      level: line.level,
      value: line.value === null || line.value === undefined ? null : String(line.value),
      weight: line.weight,
      start,
      end: total / 10_000,
    };
  });
}

/** P(same deal) of a log-odds score. */
export const probabilityOf = (score: number): number => 1 / (1 + Math.exp(-score));
