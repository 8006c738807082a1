// Deals for 06_generate_sample_sources.ts: which company each Odoo lead belongs to, what each
// ACE row is (a shared deal, a hard negative or an ACE-only deal), and the plan of one deal,
// every random choice the Odoo and ACE rows of that deal share.
import { STAGES, Topic, TOPICS } from './demo-sample-vocabulary';
import {
  BASE_MS,
  Company,
  DAY_MS,
  dayAt,
  makeCompany,
  Person,
  walkInPerson,
} from './sample-sources-companies';
import {
  LOST_REASONS,
  SalesUser,
  TAGS,
  UTM_CAMPAIGNS,
  UTM_MEDIUMS,
  UTM_SOURCES,
} from './sample-sources-odoo-reference';
import {
  affinePermutation,
  chance,
  int,
  Permutation,
  pick,
  Rng,
  rngFor,
  sample,
  weighted,
} from './sample-sources-random';

export interface Sizes {
  seed: number;
  odoo: number;
  ace: number;
  shared: number;
}

export type AceRole =
  | { kind: 'match'; lead: number }
  | { kind: 'same_company'; lead: number } // the lead's customer, another deal
  | { kind: 'similar_name'; lead: number; company: number } // a look-alike customer
  | { kind: 'ace_only'; company: number };

// Index arithmetic instead of shuffled arrays, so a million rows need no lookup tables.
// Company indices: [0, P) res_partner companies, [P, P+F) named only on leads (free text),
// then the ACE-only customers, then the look-alikes.
export class DealLayout {
  readonly partnerCompanies: number;
  readonly freeTextCompanies: number;
  readonly sameCompanyNegatives: number;
  readonly similarNameNegatives: number;
  private readonly aceOnlyStart: number;
  private readonly similarStart: number;
  private readonly leadOrder: Permutation;
  private readonly sharedOrder: Permutation;
  private readonly aceOrder: Permutation;
  private readonly aceIds: Permutation;

  constructor(readonly sizes: Sizes) {
    const { seed, odoo, ace, shared } = sizes;
    this.partnerCompanies = Math.max(1, Math.round(odoo * 0.45));
    this.freeTextCompanies = Math.min(Math.round(odoo * 0.1), odoo - this.partnerCompanies);
    const aceRest = ace - shared;
    this.sameCompanyNegatives = Math.round(aceRest * 0.12);
    this.similarNameNegatives = Math.round(aceRest * 0.06);
    this.aceOnlyStart = this.partnerCompanies + this.freeTextCompanies;
    const aceOnly = aceRest - this.sameCompanyNegatives - this.similarNameNegatives;
    this.similarStart = this.aceOnlyStart + aceOnly;
    this.leadOrder = affinePermutation(odoo, seed, 'lead-company');
    this.sharedOrder = affinePermutation(odoo, seed, 'shared-leads');
    this.aceOrder = affinePermutation(ace, seed, 'ace-roles');
    this.aceIds = affinePermutation(9_000_000, seed, 'ace-ids');
  }

  // Each company gets at least one lead; the remaining leads are repeat business.
  companyOfLead(lead: number): number {
    const c = this.leadOrder.forward(lead);
    if (c < this.partnerCompanies + this.freeTextCompanies) return c;
    return int(rngFor(this.sizes.seed, 'repeat', lead), 0, this.partnerCompanies - 1);
  }

  hasPartner = (company: number) => company < this.partnerCompanies;
  isShared = (lead: number) => this.sharedOrder.forward(lead) < this.sizes.shared;
  aceId = (position: number) => `O${1_000_000 + this.aceIds.forward(position)}`;

  aceRole(position: number): AceRole {
    const q = this.aceOrder.forward(position);
    const { shared, odoo, seed } = this.sizes;
    if (q < shared) return { kind: 'match', lead: this.sharedOrder.inverse(q) };
    const lead = int(rngFor(seed, 'negative-lead', q), 0, odoo - 1);
    let k = q - shared;
    if (k < this.sameCompanyNegatives) return { kind: 'same_company', lead };
    k -= this.sameCompanyNegatives;
    if (k < this.similarNameNegatives) {
      return { kind: 'similar_name', lead, company: this.similarStart + k };
    }
    return { kind: 'ace_only', company: this.aceOnlyStart + k - this.similarNameNegatives };
  }
}

// ---------- one deal

export interface Plan {
  company: Company;
  contact: Person | null;
  contactIndex: number | null; // into company.persons (an Odoo contact); null: typed in
  partnerIsPerson: boolean; // the lead points at the contact rather than the company
  topic: Topic;
  vars: Record<string, string>;
  odooName: string;
  aceTitle: string;
  sentences: number[];
  revenue: number;
  priority: string;
  stage: number; // index into STAGES
  probability: number;
  lost: boolean;
  type: 'lead' | 'opportunity';
  createdMs: number;
  writeMs: number;
  deadlineMs: number;
  user: SalesUser;
  tagIds: number[];
  sourceId: number | null;
  mediumId: number | null;
  campaignId: number | null;
  lostReasonId: number | null;
  missing: { email: boolean; phone: boolean; website: boolean; street: boolean };
}

export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (!(key in vars)) throw new Error(`template "${template}" has no value for {${key}}`);
    return vars[key];
  });
}

export const problemText = (plan: Plan, indices: number[], company: string) =>
  indices.map((i) => fill(plan.topic.problems[i], { ...plan.vars, company })).join(' ');

// Odoo stage mix (New, Qualified, Proposition, Won) and the probability range of each stage.
const STAGE_MIX = [
  { weight: 3, probability: [10, 20] },
  { weight: 3, probability: [20, 50] },
  { weight: 3, probability: [50, 90] },
  { weight: 2, probability: [100, 100] },
];
const NAME_FORMATS = [
  '{company} - {title}',
  '{title} - {company}',
  '{company}: {title}',
  '{title}',
];

export interface PlanOptions {
  topic?: string; // force this topic
  avoidTopic?: string; // anything but this one
  shared?: boolean; // shared deals are always opportunities
}

function pickTopic(r: Rng, company: Company, options: PlanOptions): Topic {
  if (options.topic) return TOPICS.find((t) => t.key === options.topic) as Topic;
  const keys = company.industry.topics.filter((k) => k !== options.avoidTopic);
  const key = keys.length ? pick(r, keys) : pick(r, TOPICS).key;
  return TOPICS.find((t) => t.key === key) as Topic;
}

function pickContact(r: Rng, company: Company): Pick<Plan, 'contact' | 'contactIndex'> {
  if (company.persons.length && chance(r, 0.8)) {
    const contactIndex = int(r, 0, company.persons.length - 1);
    return { contact: company.persons[contactIndex], contactIndex };
  }
  return { contact: chance(r, 0.6) ? walkInPerson(r, company) : null, contactIndex: null };
}

// Created some time after the customer, last written between then and "today".
function planDates(r: Rng, company: Company) {
  const firstDay = Math.floor(company.createdMs / DAY_MS) + 1;
  const lastDay = Math.floor(BASE_MS / DAY_MS) - 20;
  const createdMs = dayAt(r, firstDay * DAY_MS, int(r, 0, Math.max(0, lastDay - firstDay)));
  const daysLeft = Math.floor((BASE_MS - createdMs) / DAY_MS) - 1;
  return {
    createdMs,
    writeMs: Math.min(
      dayAt(r, createdMs, int(r, 0, Math.max(0, Math.min(240, daysLeft)))),
      BASE_MS,
    ),
    deadlineMs: createdMs + int(r, 45, 240) * DAY_MS,
  };
}

function optionalId(r: Rng, p: number, ids: readonly { id: number }[]): number | null {
  return chance(r, p) ? pick(r, ids).id : null;
}

export function makePlan(
  r: Rng,
  company: Company,
  users: SalesUser[],
  options: PlanOptions = {},
): Plan {
  const topic = pickTopic(r, company, options);
  const vars: Record<string, string> = {
    company: company.base,
    language: company.country.language,
  };
  for (const [key, values] of Object.entries(topic.vars)) vars[key] = pick(r, values);
  const title = fill(pick(r, topic.odooTitles), vars);
  const indices = topic.problems.map((_, i) => i);
  const count = int(r, 1, 3);
  const sentences = chance(r, 0.7)
    ? [0, ...sample(r, indices.slice(1), count - 1)]
    : sample(r, indices, count);
  const raw = int(r, topic.revenue[0], topic.revenue[1]);
  const step = raw >= 100_000 ? 5000 : 1000;
  const stage = STAGE_MIX.indexOf(weighted(r, STAGE_MIX));
  const [minProbability, maxProbability] = STAGE_MIX[stage].probability;
  const lost = !STAGES[stage].is_won && chance(r, 0.12);
  return {
    company,
    ...pickContact(r, company),
    partnerIsPerson: chance(r, 0.4),
    topic,
    vars,
    odooName: fill(pick(r, NAME_FORMATS), { company: company.base, title }),
    aceTitle: pick(r, topic.aceTitles),
    sentences: [...sentences].sort((a, b) => a - b),
    revenue: Math.max(step, Math.round(raw / step) * step),
    priority: pick(r, ['0', '0', '0', '1', '1', '1', '2', '2', '3']),
    stage,
    probability: Math.round(int(r, minProbability, maxProbability) / 5) * 5,
    lost,
    type: !options.shared && stage === 0 && chance(r, 0.4) ? 'lead' : 'opportunity',
    ...planDates(r, company),
    user: pick(r, users),
    tagIds: sample(r, TAGS, pick(r, [0, 1, 1, 2, 3])).map((t) => t.id),
    sourceId: optionalId(r, 0.45, UTM_SOURCES),
    mediumId: optionalId(r, 0.4, UTM_MEDIUMS),
    campaignId: optionalId(r, 0.2, UTM_CAMPAIGNS),
    lostReasonId: lost && chance(r, 0.85) ? pick(r, LOST_REASONS).id : null,
    missing: {
      email: chance(r, 0.08),
      phone: chance(r, 0.12),
      website: chance(r, 0.25),
      street: chance(r, 0.5),
    },
  };
}

// The Odoo lead at this index, rebuilt from the seed alone.
export function leadPlan(layout: DealLayout, users: SalesUser[], lead: number): Plan {
  const { seed } = layout.sizes;
  const company = makeCompany(seed, layout.companyOfLead(lead));
  return makePlan(rngFor(seed, 'lead', lead), company, users, { shared: layout.isShared(lead) });
}
