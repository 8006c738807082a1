import jaroWinkler from 'talisman/metrics/jaro-winkler';

/** A contact person's name: lower-case words without accents, in the order written. */
export type PersonName = string[];

export function personName(raw: string | null | undefined): PersonName | null {
  const words = (raw ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 0 && !['mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'sra'].includes(w));
  return words.length > 0 ? words : null;
}

/**
 * `equal`: the same words (in any order: `Smith, Anna` ↔ `Anna Smith`); `similar`: the same
 * last name and first initial, or Jaro–Winkler ≥ 0.92 (a typo); else `different`. For
 * several contacts on a side, the best pair counts.
 */
export const CONTACT_LEVELS = ['equal', 'similar', 'different'] as const;
export type ContactLevel = (typeof CONTACT_LEVELS)[number];

function comparePeople(a: PersonName, b: PersonName): ContactLevel {
  const [sa, sb] = [[...a].sort().join(' '), [...b].sort().join(' ')];
  if (sa === sb) return 'equal';
  const sameLast = a[a.length - 1] === b[b.length - 1] && a[0][0] === b[0][0];
  return sameLast || jaroWinkler(a.join(' '), b.join(' ')) >= 0.92 ? 'similar' : 'different';
}

export function compareContacts(a: PersonName[], b: PersonName[]): ContactLevel | 'missing' {
  if (a.length === 0 || b.length === 0) return 'missing';
  let best: ContactLevel = 'different';
  for (const x of a) {
    for (const y of b) {
      const level = comparePeople(x, y);
      if (level === 'equal') return level;
      if (level === 'similar') best = level;
    }
  }
  return best;
}
