/** A value as one record gave it, and when that record was last modified (epoch ms). */
export interface Vote<T> {
  value: T;
  at: number | null;
}

/**
 * The value given most often; on a tie the one given most recently, then the smallest, so
 * the choice never depends on the order the votes come in. Null without votes.
 */
export function mostFrequent<T extends string>(votes: Vote<T | null>[]): T | null {
  const tally = new Map<T, { count: number; at: number }>();
  for (const { value, at } of votes) {
    if (value === null) continue;
    const seen = tally.get(value) ?? { count: 0, at: -Infinity };
    tally.set(value, { count: seen.count + 1, at: Math.max(seen.at, at ?? -Infinity) });
  }
  let best: T | null = null;
  let bestScore = { count: 0, at: -Infinity };
  for (const [value, score] of tally) {
    const better =
      best === null ||
      score.count > bestScore.count ||
      (score.count === bestScore.count &&
        (score.at > bestScore.at || (score.at === bestScore.at && value < best)));
    if (better) [best, bestScore] = [value, score];
  }
  return best;
}
