// The deals of a matching data set: real organisations (linked-sets.ts) become the customers
// of Odoo leads and ACE opportunities. Every true link is one deal typed on both sides; the
// deal's own fields are drawn with seeded noise of the kinds seen between real systems
// (see NOISE and docs/03-guides/matching.md, "Real data sets"). Each record draws from its
// own stream (rngFor(seed, stream, index)), so the same seed gives the same files.
import { FIRST_NAMES, LAST_NAMES, STAGES, Topic, TOPICS } from '../demo-sample-vocabulary';
import { BASE_MS, DAY_MS, fold } from '../sample-sources-companies';
import { fill } from '../sample-sources-deals';
import {
  affinePermutation,
  chance,
  digits,
  int,
  pick,
  Rng,
  rngFor,
  sample,
} from '../sample-sources-random';
import { LinkedSets, OrgRecord } from './linked-sets';

/** Rates of the seeded noise; documented in the matching guide. */
export const NOISE = {
  /** A linked A organisation gets another Odoo deal, not in ACE (same customer, other deal). */
  extraOdooDeal: 0.2,
  /** A linked B organisation gets another ACE deal, not in Odoo. */
  extraAceDeal: 0.15,
  /** Close dates of one deal differ by 0–7 days (share), 8–30, or 31–60 days (the rest). */
  closeDateWithinWeek: 0.35,
  closeDateWithinMonth: 0.4,
  /** The months Odoo's expected revenue covers (a total over the contract, as salespeople enter it). */
  odooTotalMonths: [12, 12, 24, 36, 36, 48, 60],
  /** ACE states the contract's months (else only the monthly spend). */
  aceContractMonths: 0.5,
  /** ACE's contract months differ from the period Odoo's total covers. */
  otherContractLength: 0.5,
  /** The lead points at a partner (else the customer is typed on the lead). */
  odooPartner: 0.8,
  /** The ACE name is retyped: article moved, a word abbreviated, or a place after the legal form. */
  aceNameVariant: 0.1,
  /** Missing on the Odoo side. */
  odooMissing: { phone: 0.15, website: 0.3, street: 0.3, postcode: 0.3, email: 0.4, contact: 0.4 },
  /** Missing on the ACE side. */
  aceMissing: { website: 0.2, city: 0.2, postcode: 0.35, street: 0.5, account: 0.4, contact: 0.35 },
  /** An ACE organisation has a DUNS number (shown on its opportunities). */
  duns: 0.2,
  /** ACE names the same contact person as Odoo (else another person of the customer, or none). */
  sameContact: 0.6,
} as const;

export interface Person {
  first: string;
  last: string;
}

/** What one deal is, whichever side types it. */
export interface Deal {
  topic: Topic;
  vars: Record<string, string>;
  /** Total monthly spend of the deal in USD. */
  monthly: number;
  /** The contract's months: what Odoo's total covers, and what ACE states (mostly). */
  contractMonths: number;
  /** The close date the deal really has (ms); each side shifts it. */
  closeMs: number;
  createdMs: number;
  /** Index into STAGES (New, Qualified, Proposition, Won). */
  stage: number;
  lost: boolean;
  contact: Person | null;
}

export interface OdooLeadPlan {
  id: number;
  org: OrgRecord;
  deal: Deal;
  rng: Rng;
}

export interface AceOpportunityPlan {
  id: string;
  org: OrgRecord;
  deal: Deal;
  rng: Rng;
  /** Days the ACE close date lies from the Odoo one (shared deals; 0 otherwise). */
  closeShiftDays: number;
  persons: Person[];
  awsAccountId: string;
  duns: string | null;
  name: string;
}

export type TruthKind = 'match' | 'same_customer' | 'distinct';

export interface DatasetPlan {
  leads: OdooLeadPlan[];
  aceOpportunities: AceOpportunityPlan[];
  truth: { odooId: number; aceId: string; kind: TruthKind }[];
  /** The Odoo organisations, in partner id order (res.partner rows). */
  odooOrgs: OrgRecord[];
}

const LOCALES = ['en', 'en', 'en', 'es', 'de', 'fr', 'pt', 'nl'] as const;

function personsOf(seed: number, stream: string, index: number): Person[] {
  const r = rngFor(seed, stream, index);
  return Array.from({ length: pick(r, [1, 1, 2, 2, 3]) }, () => {
    const locale = pick(r, LOCALES);
    return { first: pick(r, FIRST_NAMES[locale]), last: pick(r, LAST_NAMES[locale]) };
  });
}

function makeDeal(r: Rng, contact: Person | null, avoidTopic?: string): Deal {
  const topic = pick(
    r,
    TOPICS.filter((t) => t.key !== avoidTopic),
  );
  // The customer's language is not known from the record: English unless the topic says.
  const vars: Record<string, string> = { language: 'English' };
  for (const [key, values] of Object.entries(topic.vars)) vars[key] = pick(r, values);
  // Log-uniform monthly spend from 2k to 80k USD.
  const monthly = Math.round(Math.exp(Math.log(2000) + r() * Math.log(40)) / 100) * 100;
  const createdMs = BASE_MS - int(r, 30, 540) * DAY_MS;
  const stage = pick(r, [0, 0, 1, 1, 2, 2, 3]);
  return {
    topic,
    vars,
    monthly,
    contractMonths: pick(r, NOISE.odooTotalMonths),
    closeMs: createdMs + int(r, 45, 300) * DAY_MS,
    createdMs,
    stage,
    lost: !STAGES[stage].is_won && chance(r, 0.12),
    contact,
  };
}

/** Days between the two sides' close dates of one deal: up to two months, either way. */
function closeShift(r: Rng): number {
  const u = r();
  const days =
    u < NOISE.closeDateWithinWeek
      ? int(r, 0, 7)
      : u < NOISE.closeDateWithinWeek + NOISE.closeDateWithinMonth
        ? int(r, 8, 30)
        : int(r, 31, 60);
  return chance(r, 0.5) ? days : -days;
}

// ---------- how the ACE side retypes a name (NOISE.aceNameVariant)

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bCenter\b/, 'Ctr.'],
  [/\bCentre\b/, 'Ctr'],
  [/\bInternational\b/, 'Intl'],
  [/\bAssociation\b/, 'Assn.'],
  [/\bUniversity\b/, 'Univ.'],
  [/\bManufacturing\b/, 'Mfg'],
  [/\bDepartment\b/, 'Dept.'],
  [/\bServices\b/, 'Svcs'],
  [/\bCompany\b/, 'Co.'],
  [/\bCorporation\b/, 'Corp.'],
  [/\bBrothers\b/, 'Bros.'],
  [/\bSaint\b/, 'St.'],
];
const LEGAL_AT_END = /\b(Inc\.?|LLC|Ltd\.?|Limited|GmbH|B\.?V\.?|S\.?A\.?|S\.?r\.?l\.?|Co\.?|Corp\.?|Company|Corporation)$/i; // prettier-ignore

export function aceNameVariant(r: Rng, org: OrgRecord): string {
  const name = org.name;
  if (!chance(r, NOISE.aceNameVariant)) return name;
  const kinds: (() => string | null)[] = [
    () => (/^the\s/i.test(name) ? `${name.slice(4)}, ${name.slice(0, 3)}` : null),
    () => {
      const rule = ABBREVIATIONS.find(([word]) => word.test(name));
      return rule ? name.replace(rule[0], rule[1]) : null;
    },
    () => (LEGAL_AT_END.test(name) && org.city ? `${name}, ${org.city}` : null),
  ];
  for (const kind of sample(r, kinds, kinds.length)) {
    const variant = kind();
    if (variant) return variant;
  }
  return name;
}

/**
 * The deals: each link one shared deal; each organisation without a link one deal on its own
 * side; some linked organisations another deal on one side only. Lead ids and ACE ids are
 * shuffled, so no order gives a pair away.
 */
export function planDataset(sets: LinkedSets, seed: number): DatasetPlan {
  const aIndex = new Map(sets.a.map((o, i) => [o.key, i]));
  const bIndex = new Map(sets.b.map((o, i) => [o.key, i]));
  // A linked pair is one organisation: the people are the A record's, on both sides.
  const persons = new Map<string, Person[]>();
  for (const [i, org] of sets.a.entries()) persons.set(`a:${org.key}`, personsOf(seed, 'a-persons', i)); // prettier-ignore
  for (const [i, org] of sets.b.entries()) persons.set(`b:${org.key}`, personsOf(seed, 'b-persons', i)); // prettier-ignore
  for (const link of sets.links) persons.set(`b:${link.b}`, persons.get(`a:${link.a}`)!);

  const leadsWanted: { org: OrgRecord; deal: Deal; r: Rng }[] = [];
  const aceWanted: { org: OrgRecord; deal: Deal; r: Rng; shift: number; lead: number | null }[] = []; // prettier-ignore
  const firstLeadOf = new Map<string, number>();
  const firstAceOf = new Map<string, number>();
  const extraLeads: { lead: number; b: string }[] = [];
  const extraAce: { ace: number; a: string }[] = [];

  for (const [k, link] of sets.links.entries()) {
    const r = rngFor(seed, 'link', k);
    const a = sets.a[aIndex.get(link.a)!];
    const b = sets.b[bIndex.get(link.b)!];
    const people = persons.get(`a:${a.key}`)!;
    const deal = makeDeal(r, chance(r, 1 - NOISE.odooMissing.contact) ? pick(r, people) : null);
    if (!firstLeadOf.has(a.key)) firstLeadOf.set(a.key, leadsWanted.length);
    if (!firstAceOf.has(b.key)) firstAceOf.set(b.key, aceWanted.length);
    leadsWanted.push({ org: a, deal, r: rngFor(seed, 'link-odoo', k) });
    aceWanted.push({ org: b, deal, r: rngFor(seed, 'link-ace', k), shift: closeShift(r), lead: leadsWanted.length - 1 }); // prettier-ignore
    if (chance(r, NOISE.extraOdooDeal)) {
      extraLeads.push({ lead: leadsWanted.length, b: b.key });
      const other = makeDeal(r, pick(r, people), deal.topic.key);
      leadsWanted.push({ org: a, deal: other, r: rngFor(seed, 'extra-odoo', k) });
    }
    if (chance(r, NOISE.extraAceDeal)) {
      extraAce.push({ ace: aceWanted.length, a: a.key });
      const other = makeDeal(r, pick(r, people), deal.topic.key);
      aceWanted.push({ org: b, deal: other, r: rngFor(seed, 'extra-ace', k), shift: 0, lead: null }); // prettier-ignore
    }
  }
  for (const [i, org] of sets.a.entries()) {
    if (firstLeadOf.has(org.key)) continue;
    const r = rngFor(seed, 'odoo-only', i);
    firstLeadOf.set(org.key, leadsWanted.length);
    leadsWanted.push({ org, deal: makeDeal(r, chance(r, 0.6) ? pick(r, persons.get(`a:${org.key}`)!) : null), r }); // prettier-ignore
  }
  for (const [i, org] of sets.b.entries()) {
    if (firstAceOf.has(org.key)) continue;
    const r = rngFor(seed, 'ace-only', i);
    firstAceOf.set(org.key, aceWanted.length);
    aceWanted.push({ org, deal: makeDeal(r, chance(r, 0.6) ? pick(r, persons.get(`b:${org.key}`)!) : null), r, shift: 0, lead: null }); // prettier-ignore
  }

  const leadIds = affinePermutation(leadsWanted.length, seed, 'dataset-lead-ids');
  const aceIds = affinePermutation(9_000_000, seed, 'dataset-ace-ids');
  const leads = leadsWanted.map((w, i) => ({ id: leadIds.forward(i) + 1, org: w.org, deal: w.deal, rng: w.r })); // prettier-ignore
  const aceOpportunities = aceWanted.map((w, i) => {
    const bi = bIndex.get(w.org.key)!;
    const rOrg = rngFor(seed, 'b-org', bi);
    return {
      id: `O${1_000_000 + aceIds.forward(i)}`,
      org: w.org,
      deal: w.deal,
      rng: w.r,
      closeShiftDays: w.shift,
      persons: persons.get(`b:${w.org.key}`)!,
      awsAccountId: String(100_000_000_000 + int(rOrg, 0, 899_999_999_999)),
      duns: chance(rOrg, NOISE.duns) ? digits(rOrg, 9) : null,
      name: aceNameVariant(rOrg, w.org),
    };
  });

  const truth: DatasetPlan['truth'] = [];
  for (const [i, w] of aceWanted.entries()) {
    if (w.lead !== null) truth.push({ odooId: leads[w.lead].id, aceId: aceOpportunities[i].id, kind: 'match' }); // prettier-ignore
  }
  // The other deal of a linked customer against its counterpart's deal: never the same deal.
  for (const { lead, b } of extraLeads) {
    truth.push({ odooId: leads[lead].id, aceId: aceOpportunities[firstAceOf.get(b)!].id, kind: 'same_customer' }); // prettier-ignore
  }
  for (const { ace, a } of extraAce) {
    truth.push({ odooId: leads[firstLeadOf.get(a)!].id, aceId: aceOpportunities[ace].id, kind: 'same_customer' }); // prettier-ignore
  }
  for (const pair of sets.distinct) {
    const [lead, ace] = [firstLeadOf.get(pair.a), firstAceOf.get(pair.b)];
    if (lead !== undefined && ace !== undefined) {
      truth.push({ odooId: leads[lead].id, aceId: aceOpportunities[ace].id, kind: 'distinct' });
    }
  }
  return { leads, aceOpportunities, truth, odooOrgs: sets.a };
}

/** A person's e-mail at the organisation's web domain, when it has one. */
export function emailOf(person: Person, domain: string | null): string | null {
  if (!domain) return null;
  const part = (s: string) =>
    fold(s)
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  return `${part(person.first)}.${part(person.last)}@${domain}`;
}

/** The deal's text on one side: its own title list and its own choice of sentences. */
export function dealText(
  r: Rng,
  deal: Deal,
  titles: string[],
  customer: string,
): { title: string; text: string } {
  const vars = { ...deal.vars, company: customer };
  const indices = deal.topic.problems.map((_, i) => i);
  const chosen = sample(r, indices, int(r, 2, 3)).sort((x, y) => x - y);
  return {
    title: fill(pick(r, titles), vars),
    text: chosen.map((i) => fill(deal.topic.problems[i], vars)).join(' '),
  };
}
