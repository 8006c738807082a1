import { MatchRecord } from '../records/match-record';

/**
 * Candidate rules (blocking), in the order their counts are reported. A pair is scored only
 * when a rule finds it; a pair found by several rules lists them all.
 * - reference: ACE PartnerOpportunityIdentifier is the Odoo lead's id;
 * - company: 02-transformation put both in one CORE company;
 * - domain: the same registrable web domain;
 * - account: the ACE AWS account is one the Odoo lead's company is known to own;
 * - name: a rare name word (or its first four letters) in common (an inverted index of
 *   name words, the rarest first), the same name with spacing ignored, or one name the
 *   other's initials;
 * - postcode: the same postal code in the same country;
 * - phone: the same phone number (E.164);
 * - email: the same e-mail address or e-mail domain (not a mailbox provider);
 * - vector: the deal texts are nearest neighbours (the embedding model's index; found in
 *   the database and handed in).
 * A key shared by more than `maxKeyRecords` records on either side (a chain's domain, a
 * city-centre postcode, a call centre) finds nothing: it is not discriminative.
 */
export const BLOCKING_RULES = ['reference', 'company', 'domain', 'account', 'name', 'postcode', 'phone', 'email', 'vector'] as const; // prettier-ignore
export type BlockingRule = (typeof BLOCKING_RULES)[number];

/** Candidate pairs, `aceId:odooId` → the rules that found the pair. */
export type CandidateSet = Map<string, Set<BlockingRule>>;

export interface BlockingOptions {
  maxKeyRecords: number;
  /** Name-word candidates kept per record, the best-scoring (rarest shared words) first. */
  nameCandidates: number;
  /** A name word on more records than this (either side) is not used to find candidates. */
  maxWordRecords: number;
}

export const pairKey = (aceId: string, odooId: string) => `${aceId}:${odooId}`;

/** Mailbox providers' domains are shared by strangers: e-mail domains there find nothing. */
const FREE_MAIL = /^(gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|mac|aol|gmx|web|proton|protonmail|zoho|yandex|mail|qq|163|126|uol|bol|terra|orange|free|laposte)\./; // prettier-ignore

type KeyFn = (r: MatchRecord) => string[];

const KEYS: Partial<Record<BlockingRule, KeyFn>> = {
  reference: (r) => (r.source === 'odoo' ? [r.id] : r.reference ? [r.reference] : []),
  company: (r) => (r.companyId ? [r.companyId] : []),
  domain: (r) => (r.domain ? [r.domain] : []),
  account: (r) => r.awsAccounts,
  postcode: (r) => (r.address?.postcode && r.country ? [`${r.country}:${r.address.postcode}`] : []), // prettier-ignore
  phone: (r) => r.phones,
  email: (r) => [
    ...r.emails,
    ...r.emails.map((e) => e.slice(e.indexOf('@') + 1)).filter((d) => d && !FREE_MAIL.test(d)),
  ],
};

/**
 * Name words, their first four letters (`~jura` for `jurandir` and `jura`: a word typed
 * short, or with a typo at its end, in a script without spaces too), and whole-name keys:
 * the name run together, its letters as typed, and its initials.
 */
function nameKeys(r: MatchRecord): { words: string[]; whole: string[] } {
  if (!r.name) return { words: [], whole: [] };
  const whole = [`=${r.name.compact}`, `#${r.name.letters}`];
  if (r.name.acronym && r.name.acronym.length >= 3) whole.push(`^${r.name.acronym}`);
  if (r.name.tokens.length === 1 && r.name.compact.length >= 3) whole.push(`^${r.name.compact}`);
  const words = r.name.tokens.filter((t) => t.length >= 2);
  const prefixes = words.filter((w) => [...w].length >= 4).map((w) => `~${[...w].slice(0, 4).join('')}`); // prettier-ignore
  return { words: [...new Set([...words, ...prefixes])], whole };
}

/** A prefix key counts half a word. */
const keyWeight = (key: string) => (key.startsWith('~') ? 0.5 : 1);

class Postings {
  readonly map = new Map<string, string[]>();

  add(key: string, id: string): void {
    const list = this.map.get(key);
    if (list) list.push(id);
    else this.map.set(key, [id]);
  }

  get(key: string): string[] {
    return this.map.get(key) ?? [];
  }
}

/** One side's records indexed by every key, to find the other side's candidates. */
class SideIndex {
  readonly byKey = new Map<BlockingRule, Postings>();
  readonly words = new Postings();
  readonly whole = new Postings();
  size = 0;

  constructor(records: Iterable<MatchRecord>) {
    for (const rule of Object.keys(KEYS) as BlockingRule[]) this.byKey.set(rule, new Postings());
    for (const r of records) {
      this.size++;
      for (const [rule, keys] of Object.entries(KEYS) as [BlockingRule, KeyFn][]) {
        for (const key of new Set(keys(r))) this.byKey.get(rule)!.add(key, r.id);
      }
      const { words, whole } = nameKeys(r);
      for (const w of words) this.words.add(w, r.id);
      for (const w of whole) this.whole.add(w, r.id);
    }
  }
}

/**
 * The candidate index over every live record of both sources. `candidatesOf` finds one
 * record's candidates on the other side; a full run asks for every record of both sides,
 * so the name rule keeps a pair that is among the best of either record.
 */
export class BlockingIndex {
  private readonly odoo: SideIndex;
  private readonly ace: SideIndex;

  constructor(
    odoo: Iterable<MatchRecord>,
    ace: Iterable<MatchRecord>,
    private readonly options: BlockingOptions,
  ) {
    this.odoo = new SideIndex(odoo);
    this.ace = new SideIndex(ace);
  }

  /** The other side's records a rule pairs with `record`: id → rules. */
  candidatesOf(record: MatchRecord): Map<string, Set<BlockingRule>> {
    const [own, other] = record.source === 'ace' ? [this.ace, this.odoo] : [this.odoo, this.ace];
    const found = new Map<string, Set<BlockingRule>>();
    const add = (id: string, rule: BlockingRule) => {
      const rules = found.get(id);
      if (rules) rules.add(rule);
      else found.set(id, new Set([rule]));
    };
    const cap = this.options.maxKeyRecords;
    for (const [rule, keyFn] of Object.entries(KEYS) as [BlockingRule, KeyFn][]) {
      for (const key of new Set(keyFn(record))) {
        const theirs = other.byKey.get(rule)!.get(key);
        if (theirs.length === 0 || theirs.length > cap) continue;
        if (own.byKey.get(rule)!.get(key).length > cap) continue;
        for (const id of theirs) add(id, rule);
      }
    }
    for (const id of this.nameCandidates(record, own, other)) add(id, 'name');
    return found;
  }

  /**
   * The other side's records whose own candidates may include `record`: those sharing a key,
   * a usable name word or a whole-name key with it. A focused run asks each of them for its
   * candidates, so a pair kept by the other record's name ranking is not missed.
   */
  relatedOf(record: MatchRecord): Set<string> {
    const [own, other] = record.source === 'ace' ? [this.ace, this.odoo] : [this.odoo, this.ace];
    const related = new Set(this.candidatesOf(record).keys());
    const { words, whole } = nameKeys(record);
    for (const word of words) {
      const theirs = other.words.get(word);
      if (theirs.length + own.words.get(word).length > this.options.maxWordRecords) continue;
      for (const id of theirs) related.add(id);
    }
    for (const key of whole) for (const id of other.whole.get(key)) related.add(id);
    return related;
  }

  /**
   * The other side's records sharing the rarest name words (each shared word scores
   * ln(records / records with it)), plus the same whole name or initials; the best
   * `nameCandidates` are kept. Words on more than `maxWordRecords` records are skipped.
   */
  private nameCandidates(record: MatchRecord, own: SideIndex, other: SideIndex): string[] {
    const { words, whole } = nameKeys(record);
    const scores = new Map<string, number>();
    const total = Math.max(2, own.size + other.size);
    for (const word of words) {
      const theirs = other.words.get(word);
      const count = theirs.length + own.words.get(word).length;
      if (theirs.length === 0 || count > this.options.maxWordRecords) continue;
      const idf = keyWeight(word) * Math.log(total / count);
      for (const id of theirs) scores.set(id, (scores.get(id) ?? 0) + idf);
    }
    for (const key of whole) {
      // `^x` (initials) finds the other side's single-word names `^x`, and the reverse.
      for (const id of other.whole.get(key)) scores.set(id, (scores.get(id) ?? 0) + 100);
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1])
      .slice(0, this.options.nameCandidates)
      .map(([id]) => id);
  }
}
