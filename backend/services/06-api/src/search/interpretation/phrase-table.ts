import type { Token } from './tokens';

/** A phrase found in the query: its value, first word and number of words. */
export interface PhraseMatch<T> {
  value: T;
  at: number;
  words: number;
}

/**
 * Phrases of one or more words (keys from `phraseKey`) → a value, matched longest first at
 * each word of the query. Built once at module load; a lookup is a handful of Map reads
 * per word, whatever the size of the table.
 */
export class PhraseTable<T> {
  private readonly values = new Map<string, T>();
  /** First word → the most words of a phrase starting with it, so most words cost one read. */
  private readonly mostWords = new Map<string, number>();

  set(key: string, value: T): void {
    if (!key) return;
    this.values.set(key, value);
    const words = key.split(' ');
    this.mostWords.set(words[0], Math.max(this.mostWords.get(words[0]) ?? 0, words.length));
  }

  get(key: string): T | undefined {
    return this.values.get(key);
  }

  get size(): number {
    return this.values.size;
  }

  /** The longest phrase starting at `tokens[at]` whose words are all `usable`. */
  matchAt(
    tokens: readonly Token[],
    at: number,
    usable: (i: number) => boolean,
  ): PhraseMatch<T> | undefined {
    const most = this.mostWords.get(tokens[at].folded);
    if (most === undefined) return undefined;
    let reach = 0;
    while (reach < most && at + reach < tokens.length && usable(at + reach)) reach++;
    for (let words = reach; words >= 1; words--) {
      const key = tokens
        .slice(at, at + words)
        .map((token) => token.folded)
        .join(' ');
      const value = this.values.get(key);
      if (value !== undefined) return { value, at, words };
    }
    return undefined;
  }

  /** Every phrase in the query, left to right, none overlapping, longest first at each word. */
  matchAll(tokens: readonly Token[], usable: (i: number) => boolean): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let at = 0; at < tokens.length; at++) {
      if (!usable(at)) continue;
      const match = this.matchAt(tokens, at, usable);
      if (!match) continue;
      found.push(match);
      at += match.words - 1;
    }
    return found;
  }
}
