import {
  BlockingIndex,
  BlockingOptions,
  BlockingRule,
  CandidateSet,
  pairKey,
} from '../blocking/blocking';
import { MatchRecord } from './match-record';
import { TermFrequencies } from './term-frequencies';

/**
 * Every live record of both sources with what matching derives from them all: how common
 * each value is (term frequencies) and the candidate index. One per run.
 */
export class MatchContext {
  readonly odoo: Map<string, MatchRecord>;
  readonly ace: Map<string, MatchRecord>;
  readonly tf: TermFrequencies;
  readonly index: BlockingIndex;

  constructor(odoo: MatchRecord[], ace: MatchRecord[], options: BlockingOptions) {
    this.odoo = new Map(odoo.map((r) => [r.id, r]));
    this.ace = new Map(ace.map((r) => [r.id, r]));
    this.tf = TermFrequencies.of([...odoo, ...ace]);
    this.index = new BlockingIndex(odoo, ace, options);
  }

  /** Every Odoo lead × ACE opportunity pair: what candidates are a small part of. */
  get pairsTotal(): number {
    return Math.max(1, this.odoo.size * this.ace.size);
  }

  /**
   * The candidate pairs (a pair is kept when either record's rules find it), with vector
   * pairs added; pairs with a side that is not live are left out. `focus`: only the pairs
   * of these records (ids of one source), as a full run would find them: each focus record's
   * candidates, and the pairs its related records' candidates name it in.
   */
  candidates(
    vectorPairs: { aceId: string; odooId: string }[] = [],
    focus?: { source: 'ace' | 'odoo'; ids: Iterable<string> },
  ): CandidateSet {
    const pairs: CandidateSet = new Map();
    const add = (aceId: string, odooId: string, rules: Iterable<BlockingRule>) => {
      if (!this.ace.has(aceId) || !this.odoo.has(odooId)) return;
      const key = pairKey(aceId, odooId);
      const existing = pairs.get(key);
      if (existing) for (const rule of rules) existing.add(rule);
      else pairs.set(key, new Set(rules));
    };
    const addAll = (record: MatchRecord, keep: (otherId: string) => boolean = () => true) => {
      for (const [otherId, rules] of this.index.candidatesOf(record)) {
        if (!keep(otherId)) continue;
        if (record.source === 'ace') add(record.id, otherId, rules);
        else add(otherId, record.id, rules);
      }
    };
    if (!focus) {
      for (const record of [...this.ace.values(), ...this.odoo.values()]) addAll(record);
      for (const { aceId, odooId } of vectorPairs) add(aceId, odooId, ['vector']);
      return pairs;
    }
    const [own, other] = focus.source === 'ace' ? [this.ace, this.odoo] : [this.odoo, this.ace];
    const ids = new Set([...focus.ids].filter((id) => own.has(id)));
    const related = new Set<string>();
    for (const id of ids) {
      const record = own.get(id)!;
      addAll(record);
      for (const otherId of this.index.relatedOf(record)) related.add(otherId);
    }
    for (const otherId of related) {
      const record = other.get(otherId);
      if (record) addAll(record, (id) => ids.has(id));
    }
    for (const pair of vectorPairs) {
      if (ids.has(focus.source === 'ace' ? pair.aceId : pair.odooId)) add(pair.aceId, pair.odooId, ['vector']); // prettier-ignore
    }
    return pairs;
  }
}

/** `aceId:odooId` → the two ids (ACE ids never hold a colon; Odoo ids are numbers). */
export function splitPairKey(key: string): { aceId: string; odooId: string } {
  const at = key.lastIndexOf(':');
  return { aceId: key.slice(0, at), odooId: key.slice(at + 1) };
}
