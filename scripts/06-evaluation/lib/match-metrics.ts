// Precision, recall and F1 of Odoo ↔ ACE links against labelled pairs, shared by
// eval:matching and the matching-quality test.
import { readFileSync } from 'node:fs';
import { assign, pairKey, ScoredPair } from '@revops/matching';

export interface Labels {
  /** `ace:odoo` pairs that are the same deal. */
  matches: Set<string>;
  /**
   * Of those, pairs matching leaves out by design, so they are not counted against recall:
   * an ACE national-security redaction ("unmatchable: redacted") or a side held back by
   * validation (matched once its errors are fixed).
   */
  excluded: Set<string>;
}

/** The labelled matches that matching can find. */
export const findable = (labels: Labels) =>
  [...labels.matches].filter((p) => !labels.excluded.has(p));

/** ground_truth.csv of the generator: `odoo_id,ace_id,kind`, kind `match` | `hard_negative`. */
export function groundTruthMatches(file: string): Set<string> {
  const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  return new Set(
    lines
      .map((line) => line.split(','))
      .filter(([, , kind]) => kind === 'match')
      .map(([odooId, aceId]) => pairKey(aceId, odooId)),
  );
}

export interface Metrics {
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Predicted pairs against the labelled matches that can be found. */
export function metrics(predicted: Iterable<string>, labels: Labels): Metrics {
  const truth = new Set(findable(labels));
  let count = 0;
  let correct = 0;
  for (const pair of predicted) {
    count++;
    if (truth.has(pair)) correct++;
  }
  const precision = count ? correct / count : 1;
  const recall = truth.size ? correct / truth.size : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { predicted: count, correct, precision, recall, f1 };
}

/** The findable labelled matches candidate generation produced, and those it missed. */
export function candidateRecall(
  candidates: Iterable<string>,
  labels: Labels,
): { recall: number; missed: string[] } {
  const found = new Set(candidates);
  const truth = findable(labels);
  const missed = truth.filter((p) => !found.has(p));
  return { recall: truth.length ? 1 - missed.length / truth.length : 1, missed };
}

/**
 * F1 of the one-to-one links made at each review threshold from 0.05 to 0.99 (every pair at
 * or above it counts as linked): the threshold that maximises F1, and the whole curve.
 */
export function thresholdSweep(
  scored: ScoredPair[],
  labels: Labels,
): { best: { threshold: number } & Metrics; curve: ({ threshold: number } & Metrics)[] } {
  const curve: ({ threshold: number } & Metrics)[] = [];
  for (let t = 0.05; t < 0.995; t += 0.01) {
    const threshold = Math.round(t * 100) / 100;
    const links = assign(scored, { reviewAt: threshold, autoLinkAt: 1 });
    curve.push({
      threshold,
      ...metrics(
        links.map((l) => pairKey(l.aceId, l.odooId)),
        labels,
      ),
    });
  }
  const best = curve.reduce((a, b) => (b.f1 > a.f1 ? b : a));
  return { best, curve };
}
