import type { MatchStatus } from '../matches.repository';

/** Histogram bins of the match probability: [0, 0.1), [0.1, 0.2) … [0.9, 1.0]. */
export const PROBABILITY_BINS = 10;

/** How many matches have a status and fall in a probability bin (0 … PROBABILITY_BINS - 1). */
export interface MatchCountRow {
  status: MatchStatus;
  bin: number;
  count: number;
}

export type StatusCounts = Record<MatchStatus, number>;

export interface MatchStats {
  total: number;
  byStatus: StatusCounts;
  probabilityBins: { from: number; to: number; total: number; byStatus: StatusCounts }[];
}

/**
 * Counts per status and per probability bin, every status and every bin present (zero when
 * no match is there), from the grouped counts the database returns.
 */
export function matchStatsOf(statuses: readonly MatchStatus[], rows: MatchCountRow[]): MatchStats {
  const zeros = (): StatusCounts =>
    Object.fromEntries(statuses.map((status) => [status, 0])) as StatusCounts;
  const byStatus = zeros();
  // Tenths as integers over 10, so the edges are 0.1, 0.2 … exactly (not 0.30000000000000004).
  const probabilityBins = Array.from({ length: PROBABILITY_BINS }, (_, i) => ({
    from: i / PROBABILITY_BINS,
    to: (i + 1) / PROBABILITY_BINS,
    total: 0,
    byStatus: zeros(),
  }));
  let total = 0;
  for (const { status, bin, count } of rows) {
    total += count;
    byStatus[status] += count;
    probabilityBins[bin].total += count;
    probabilityBins[bin].byStatus[status] += count;
  }
  return { total, byStatus, probabilityBins };
}
