import { ComparisonName } from '../comparison/comparisons';
import { MatchRecord } from './match-record';

/** The values of a record each term-frequency comparison can agree on. */
function valuesOf(record: MatchRecord): [ComparisonName, string[]][] {
  const address = record.address;
  return [
    // Words, and the whole name (`=` + its words run together) for an exact agreement.
    ['name', record.name ? [...record.name.tokens, `=${record.name.compact}`] : []],
    ['domain', record.domain ? [record.domain] : []],
    ['account', record.awsAccounts],
    ['address', [address?.postcode, address?.city].filter((v): v is string => !!v)],
    ['phone', record.phones],
    ['email', record.emails],
  ];
}

/**
 * How common each value is among this deployment's live records, both sources together: the
 * share of records that have it. An agreement on a rare value ("Lakeview") is stronger
 * evidence than one on a common value ("Services", a chain's shared domain), so a level's u
 * is replaced by the value's frequency (Splink's and fastLink's term-frequency adjustment).
 */
export class TermFrequencies {
  private constructor(
    private readonly counts: Map<ComparisonName, Map<string, number>>,
    readonly records: number,
  ) {}

  static of(records: Iterable<MatchRecord>): TermFrequencies {
    const counts = new Map<ComparisonName, Map<string, number>>();
    let n = 0;
    for (const record of records) {
      n++;
      for (const [comparison, values] of valuesOf(record)) {
        let table = counts.get(comparison);
        if (!table) counts.set(comparison, (table = new Map()));
        for (const value of new Set(values)) table.set(value, (table.get(value) ?? 0) + 1);
      }
    }
    return new TermFrequencies(counts, Math.max(1, n));
  }

  /** The share of records with the value: at least one record's share. */
  frequency(comparison: ComparisonName, value: string): number {
    const count = this.counts.get(comparison)?.get(value) ?? 1;
    return Math.max(1, count) / this.records;
  }

  /** The rarest of the shared values and its frequency (null when nothing is shared). */
  rarest(
    comparison: ComparisonName,
    shared: string[],
  ): { value: string; frequency: number } | null {
    let best: { value: string; frequency: number } | null = null;
    for (const value of shared) {
      const frequency = this.frequency(comparison, value);
      if (!best || frequency < best.frequency) best = { value, frequency };
    }
    return best;
  }
}
