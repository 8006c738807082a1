import jaroWinkler from 'talisman/metrics/jaro-winkler';
import { OrgName } from './org-name';

/**
 * How alike two organisation names are, strongest first:
 * - `exact`: the same identifying words (after normalisation, spacing ignored), or the same
 *   letters and digits as typed;
 * - `acronym`: one is the other's initials (`IBM` ↔ `International Business Machines`);
 * - `contains`: every word of one is in the other (`Lakeview Clinic` ↔ `Northwind Health
 *   Partners – Lakeview Clinic`, `Harrison` ↔ `Harrison, J. T. Elementary`);
 * - `similar`: Jaro–Winkler ≥ 0.9 on the words, or most words shared (typos, a word more);
 * - `related`: a word in common, or Jaro–Winkler ≥ 0.8;
 * - `different`.
 */
export const NAME_LEVELS = ['exact', 'acronym', 'contains', 'similar', 'related', 'different'] as const; // prettier-ignore
export type NameLevel = (typeof NAME_LEVELS)[number];

export interface NameComparison {
  level: NameLevel;
  /** Jaro–Winkler similarity of the two word sequences (0–1), for the explanation. */
  similarity: number;
  /**
   * What both names have, whose rarity weighs the agreement (term frequency): the whole name
   * (`=` + its words run together) when exact, else the shared words.
   */
  shared: string[];
}

/** Two words are the same word: equal, or a typo apart in a word of five letters or more. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 5 && b.length >= 5 && jaroWinkler(a, b) >= 0.93;
}

/** The words of `a` that `b` has too (each of `b`'s words used once). */
function sharedWords(a: string[], b: string[]): string[] {
  const unused = [...b];
  const shared: string[] = [];
  for (const word of a) {
    const at = unused.findIndex((other) => sameWord(word, other));
    if (at < 0) continue;
    shared.push(unused[at]);
    unused.splice(at, 1);
  }
  return shared;
}

export function compareOrgNames(a: OrgName, b: OrgName): NameComparison {
  const similarity = jaroWinkler(a.tokens.join(' '), b.tokens.join(' '));
  if (a.compact === b.compact || a.letters === b.letters) {
    return { level: 'exact', similarity: 1, shared: [`=${a.compact}`] };
  }
  if ((a.acronym && a.acronym === b.compact) || (b.acronym && b.acronym === a.compact)) {
    return { level: 'acronym', similarity, shared: [a.acronym === b.compact ? b.compact : a.compact] }; // prettier-ignore
  }
  const [short, long] = a.tokens.length <= b.tokens.length ? [a, b] : [b, a];
  const shared = sharedWords(short.tokens, long.tokens);
  if (shared.length === short.tokens.length) return { level: 'contains', similarity, shared };
  // A word run together on one side (`lakeview` ↔ `lake view`).
  if (short.compact.length >= 6 && long.compact.includes(short.compact)) {
    return { level: 'contains', similarity, shared: [short.compact] };
  }
  if (similarity >= 0.9 || (shared.length >= 2 && shared.length / short.tokens.length >= 0.6)) {
    return { level: 'similar', similarity, shared };
  }
  if (shared.length > 0 || similarity >= 0.8) return { level: 'related', similarity, shared };
  return { level: 'different', similarity, shared };
}
