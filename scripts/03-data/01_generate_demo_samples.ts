// Generates the committed demo sample under data/samples/: Odoo CRM rows in PostgreSQL row
// shape, AWS Partner Central (ACE) GetOpportunity responses, and the ground truth of the deals
// present in both. Deterministic: one seeded PRNG and a fixed base date, so the same options
// always give byte-identical files.
import * as fs from 'fs';
import * as path from 'path';
import {
  ACE_STAGES,
  ADDITIONAL_COMMENTS,
  CAMPAIGNS,
  CHANNELS,
  City,
  CLOSED_LOST_REASONS,
  COMPETITORS,
  CONTACT_TITLES,
  COUNTRIES,
  Country,
  DELIVERY_MODELS,
  FIRST_NAMES,
  Industry,
  INDUSTRIES,
  LAST_NAMES,
  LEGAL_SUFFIX_VARIANTS,
  MARKETING_USE_CASES,
  NEXT_STEPS,
  PRIMARY_NEEDS,
  SALES_ACTIVITIES,
  SALESPEOPLE,
  STAGES,
  TEAMS,
  Topic,
  TOPICS,
} from './lib/demo-sample-vocabulary';
import { chance, digits, int, mulberry32, pick, Rng, weighted } from './lib/sample-sources-random';

const BASE_MS = Date.UTC(2026, 10, 1); // 2026-11-01: the sample's "today"
const INSTALL_MS = Date.UTC(2025, 11, 1, 9); // when the demo Odoo database was set up
const DAY_MS = 86_400_000;
const ADMIN_UID = 2;
// Beyond this the word lists run short of distinct company names.
const MAX_ROWS = 2000;
const DWH_MIN = 3; // data warehouse deals forced into the shared set and the ACE-only rows

interface Options {
  seed: number;
  odoo: number;
  ace: number;
  shared: number;
  out: string;
}
type CountOption = Exclude<keyof Options, 'out'>;
const DEFAULTS: Options = { seed: 42, odoo: 200, ace: 150, shared: 60, out: 'data/samples' };

const HELP = `Generate the deterministic demo sample of Odoo CRM rows and AWS Partner Central (ACE)
opportunities, with a known set of deals present in both sources.

Usage: npx ts-node --transpile-only scripts/03-data/01_generate_demo_samples.ts [options]

Options:
  --seed <n>     PRNG seed, 0..4294967295             (default ${DEFAULTS.seed})
  --odoo <n>     Odoo crm_lead rows                    (default ${DEFAULTS.odoo})
  --ace <n>      ACE GetOpportunity rows               (default ${DEFAULTS.ace})
  --shared <n>   deals present in both, <= odoo, ace   (default ${DEFAULTS.shared})
  --out <dir>    output directory                      (default ${DEFAULTS.out})
  --help         show this help

Example:
  npx ts-node --transpile-only scripts/03-data/01_generate_demo_samples.ts --seed 7 --out /tmp/s`;

class UsageError extends Error {}

function parseCount(key: CountOption, value: string): number {
  const min = key === 'seed' || key === 'shared' ? 0 : 1;
  const max = key === 'seed' ? 0xffffffff : MAX_ROWS;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new UsageError(`--${key} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

function parseArgs(argv: string[]): Options | null {
  const opts = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--help' || argv[i] === '-h') return null;
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const key = flag.slice(2) as keyof Options;
    if (!flag.startsWith('--') || !(key in DEFAULTS)) {
      throw new UsageError(`unknown option "${argv[i]}" (see --help)`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new UsageError(`--${key} needs a value`);
    if (key === 'out') opts.out = value;
    else opts[key] = parseCount(key, value);
  }
  if (opts.shared > Math.min(opts.odoo, opts.ace)) {
    throw new UsageError(`--shared (${opts.shared}) must not exceed --odoo or --ace`);
  }
  return opts;
}

// ---------- randomness (mulberry32 and helpers shared with 06_generate_sample_sources.ts)

function shuffle<T>(r: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(r, 0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const sample = <T>(r: Rng, items: readonly T[], k: number) => shuffle(r, items).slice(0, k);

// ---------- text and time formatting

const odooTimestamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const isoTimestamp = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const STOPWORDS = new Set(['de', 'da', 'do', 'del', 'la', 'le', 'of', 'the', 'and']);

function slug(s: string): string {
  const words = fold(s)
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.filter((w) => w && !STOPWORDS.has(w)).join('-');
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (!(key in vars)) throw new Error(`template "${template}" has no value for {${key}}`);
    return vars[key];
  });
}

// A moment on the given day offset from BASE_MS, during office hours (UTC).
const dayAt = (r: Rng, fromMs: number, days: number) =>
  Math.floor(fromMs / DAY_MS) * DAY_MS + days * DAY_MS + int(r, 7 * 3600, 19 * 3600) * 1000;

// ---------- companies and people

interface Person {
  name: string;
  email: string;
  phone: string;
  title: string;
  partnerId: number | null;
}

interface Company {
  name: string;
  base: string; // name without the legal suffix
  suffix: string;
  country: Country;
  city: City;
  industry: Industry;
  domain: string;
  phone: string;
  persons: Person[];
  partnerId: number | null; // null: not a res_partner (free-text Odoo lead, or ACE only)
  createdMs: number;
  topics: Set<string>; // topics already used, so one customer never gets two alike deals
}

function makePhone(r: Rng, country: Country, city: City): string {
  if (country.callingCode === '1') return `+1 ${city.area} 555 ${digits(r, 4)}`;
  const area = city.area ? `${city.area} ` : '';
  return `+${country.callingCode} ${area}${int(r, 2, 9)}${digits(r, 3)} ${digits(r, 4)}`;
}

const e164 = (phone: string) => `+${phone.replace(/\D/g, '')}`;
const emailPart = (s: string) =>
  fold(s)
    .toLowerCase()
    .replace(/[^a-z]/g, '');

function makePerson(r: Rng, company: Company): Person {
  const locale = pick(r, company.country.locales);
  const first = pick(r, FIRST_NAMES[locale]);
  const last = pick(r, LAST_NAMES[locale]);
  return {
    name: `${first} ${last}`,
    email: `${emailPart(first)}.${emailPart(last)}@${company.domain}`,
    phone: makePhone(r, company.country, company.city),
    title: pick(r, CONTACT_TITLES),
    partnerId: null,
  };
}

function makeCompany(r: Rng, usedBases: Set<string>): Company {
  for (let attempt = 0; ; attempt++) {
    if (attempt === 10_000) throw new Error('ran out of distinct company names');
    const country = weighted(r, COUNTRIES);
    const industry = weighted(r, INDUSTRIES);
    const city = pick(r, country.cities);
    const patterns = industry.patterns[country.locales[0]] ?? industry.patterns.en;
    const base = fill(pick(r, patterns), { s: pick(r, country.stems), city: city.name });
    if (usedBases.has(base)) continue;
    usedBases.add(base);
    const suffix = industry.legalSuffix && chance(r, 0.85) ? pick(r, country.legalSuffixes) : '';
    const company: Company = {
      name: suffix ? `${base} ${suffix}` : base,
      base,
      suffix,
      country,
      city,
      industry,
      domain: `${slug(base)}.${country.tld}`,
      phone: makePhone(r, country, city),
      persons: [],
      partnerId: null,
      createdMs: dayAt(r, INSTALL_MS, int(r, 1, 30)),
      topics: new Set(),
    };
    company.persons = Array.from({ length: pick(r, [0, 1, 1, 2]) }, () => makePerson(r, company));
    return company;
  }
}

// ---------- deal plans: every random choice about one deal, shared by the Odoo and ACE rows

interface Plan {
  company: Company;
  contact: Person | null;
  partnerIsPerson: boolean;
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
  createdMs: number;
  writeMs: number;
  deadlineMs: number;
  user: (typeof SALESPEOPLE)[number];
}

const topicByKey = (key: string) => TOPICS.find((t) => t.key === key) as Topic;

function pickTopic(r: Rng, company: Company, forceDwh: boolean): Topic {
  const fresh = (keys: string[]) => keys.filter((k) => !company.topics.has(k));
  const options = fresh(company.industry.topics);
  const allKeys = TOPICS.map((t) => t.key);
  const anyFresh = fresh(allKeys); // only a customer with every topic used repeats one
  const key =
    forceDwh && !company.topics.has('dwh')
      ? 'dwh'
      : pick(r, options.length ? options : anyFresh.length ? anyFresh : allKeys);
  company.topics.add(key);
  return topicByKey(key);
}

// Odoo stage mix (New, Qualified, Proposition, Won) and the probability range of each stage.
const STAGE_MIX = [
  { weight: 2, probability: [10, 20] },
  { weight: 3, probability: [20, 50] },
  { weight: 3, probability: [50, 90] },
  { weight: 2, probability: [100, 100] },
];

const NAME_FORMATS = ['{company} - {title}', '{title} - {company}', '{company}: {title}'];

function uniqueName(name: string, used: Set<string>): string {
  let out = name;
  for (let phase = 2; used.has(out); phase++) out = `${name} (phase ${phase})`;
  used.add(out);
  return out;
}

function makePlan(r: Rng, company: Company, forceDwh: boolean, usedNames: Set<string>): Plan {
  const topic = pickTopic(r, company, forceDwh);
  const vars: Record<string, string> = {
    company: company.base,
    language: company.country.language,
  };
  for (const [key, values] of Object.entries(topic.vars)) vars[key] = pick(r, values);
  // Forced data warehouse deals use the titles that say "data warehouse migration" outright.
  const dwh = forceDwh && topic.key === 'dwh';
  const title = fill(dwh ? topic.odooTitles[0] : pick(r, topic.odooTitles), vars);
  const nameFormat = pick(r, NAME_FORMATS);
  const indices = topic.problems.map((_, i) => i);
  const count = int(r, 1, 3);
  const sentences = chance(r, 0.7)
    ? [0, ...sample(r, indices.slice(1), count - 1)]
    : sample(r, indices, count);
  const raw = int(r, topic.revenue[0], topic.revenue[1]);
  const step = raw >= 100_000 ? 5000 : 1000;
  const stage = STAGE_MIX.indexOf(weighted(r, STAGE_MIX));
  const [minProbability, maxProbability] = STAGE_MIX[stage].probability;
  const createdMs = dayAt(r, BASE_MS, -int(r, 40, 300));
  const contact = company.persons.length && chance(r, 0.8) ? pick(r, company.persons) : null;
  return {
    company,
    contact:
      contact ?? (company.partnerId === null && chance(r, 0.8) ? makePerson(r, company) : null),
    partnerIsPerson: chance(r, 0.5),
    topic,
    vars,
    odooName: uniqueName(fill(nameFormat, { company: company.base, title }), usedNames),
    aceTitle: dwh ? topic.aceTitles[1] : pick(r, topic.aceTitles),
    sentences: sentences.sort((a, b) => a - b),
    revenue: Math.max(step, Math.round(raw / step) * step),
    priority: pick(r, ['0', '0', '0', '1', '1', '1', '2', '2', '3']),
    stage,
    probability: Math.round(int(r, minProbability, maxProbability) / 5) * 5,
    lost: stage !== 3 && chance(r, 0.07),
    createdMs,
    writeMs: dayAt(r, createdMs, int(r, 1, 39)),
    deadlineMs: createdMs + int(r, 45, 240) * DAY_MS,
    user: pick(r, SALESPEOPLE),
  };
}

const problemText = (plan: Plan, indices: number[], company: string) =>
  indices.map((i) => fill(plan.topic.problems[i], { ...plan.vars, company })).join(' ');

// ---------- Odoo rows (column names and order as in raw.odoo_* of the skeleton migration)

function magic(createdMs: number, writeMs: number, uid = ADMIN_UID) {
  return {
    create_uid: uid,
    create_date: odooTimestamp(createdMs),
    write_uid: uid,
    write_date: odooTimestamp(writeMs),
  };
}

const translatable = (en: string) => ({ en_US: en });

function referenceRows() {
  const at = magic(INSTALL_MS, INSTALL_MS);
  const byId = [...COUNTRIES].sort((a, b) => a.id - b.id);
  return {
    res_country: byId.map((c) => ({ id: c.id, name: translatable(c.name), code: c.code, ...at })),
    crm_stage: STAGES.map((s) => ({ ...s, name: translatable(s.name), fold: false, ...at })),
    crm_team: TEAMS.map((t) => ({ ...t, name: translatable(t.name), ...at })),
    res_users: SALESPEOPLE.map((u) => ({
      id: u.userId,
      login: u.email,
      partner_id: u.partnerId,
      active: true,
      share: false,
      company_id: 1,
      notification_type: 'email', // NOT NULL in Odoo
      ...at,
    })),
  };
}

function companyPartnerRow(c: Company) {
  const id = c.partnerId as number;
  return {
    id,
    name: c.name,
    complete_name: c.name,
    is_company: true,
    parent_id: null as number | null,
    commercial_partner_id: id,
    commercial_company_name: c.name,
    email: `info@${c.domain}`,
    phone: c.phone,
    website: `https://www.${c.domain}` as string | null,
    city: c.city.name,
    country_id: c.country.id,
    active: true,
    ...magic(c.createdMs, c.createdMs),
  };
}

// A contact person: Odoo derives complete_name and the commercial fields from the parent.
function personPartnerRow(c: Company, p: Person) {
  const createdMs = c.createdMs + DAY_MS;
  return {
    ...companyPartnerRow(c),
    id: p.partnerId as number,
    name: p.name,
    complete_name: `${c.name}, ${p.name}`,
    is_company: false,
    parent_id: c.partnerId,
    email: p.email,
    phone: p.phone,
    website: null,
    ...magic(createdMs, createdMs),
  };
}

// YourCompany and the salespeople's partners, as in base/res_users_demo.xml.
function ownPartnerRows() {
  const own = {
    id: 1,
    name: 'YourCompany',
    complete_name: 'YourCompany',
    is_company: true,
    parent_id: null,
    commercial_partner_id: 1,
    commercial_company_name: 'YourCompany',
    email: 'info@yourcompany.example.com',
    phone: '+5 555-555-5555',
    website: 'www.example.com' as string | null,
    city: 'San Francisco',
    country_id: 233,
    active: true,
    ...magic(INSTALL_MS, INSTALL_MS),
  };
  const people = SALESPEOPLE.map((u) => ({
    ...own,
    id: u.partnerId,
    name: u.name,
    complete_name: u.name,
    is_company: false,
    commercial_partner_id: u.partnerId,
    email: u.email,
    phone: u.phone,
    website: null,
    city: u.city,
  }));
  return [own, ...people];
}

function partnerRows(companies: Company[]) {
  const customers = companies.flatMap((c) => [
    companyPartnerRow(c),
    ...c.persons.map((p) => personPartnerRow(c, p)),
  ]);
  return [...ownPartnerRows(), ...customers];
}

function leadRow(plan: Plan, id: number, type: 'lead' | 'opportunity') {
  const { company: c, contact } = plan;
  const personId = plan.partnerIsPerson ? contact?.partnerId : null;
  const stage = type === 'lead' ? 0 : plan.stage;
  const closed = STAGES[stage].is_won || plan.lost;
  return {
    id,
    name: plan.odooName,
    type,
    active: !plan.lost,
    priority: plan.priority,
    partner_id: c.partnerId === null ? null : (personId ?? c.partnerId),
    partner_name: c.name,
    contact_name: contact?.name ?? null,
    email_from: contact?.email ?? `info@${c.domain}`,
    phone: contact?.phone ?? c.phone,
    website: `https://www.${c.domain}`,
    user_id: plan.user.userId,
    team_id: plan.user.teamId,
    company_id: 1,
    stage_id: STAGES[stage].id,
    country_id: c.country.id,
    city: c.city.name,
    expected_revenue: plan.revenue,
    probability: type === 'lead' ? 10 : plan.probability,
    date_deadline: isoDate(plan.deadlineMs),
    date_closed: closed ? odooTimestamp(plan.writeMs) : null,
    description: `<p>${escapeHtml(problemText(plan, plan.sentences, c.base))}</p>`,
    ...magic(plan.createdMs, plan.writeMs, plan.user.userId),
  };
}

// ---------- ACE rows (key set and nesting of fixtures/ace/get-opportunity.response.json)

// The ACE side often re-types the customer: suffix changed or dropped, accents lost, all caps.
// `base` (no suffix, normal case) is how the ACE title and business problem name the customer.
function aceCompanyName(r: Rng, c: Company): { name: string; base: string } {
  if (chance(r, 0.4)) return { name: c.name, base: c.base };
  const base = (chance(r, 0.35) ? fold(c.base) : c.base).replace(' & ', ' and ');
  const suffix = c.suffix ? pick(r, LEGAL_SUFFIX_VARIANTS[c.suffix] ?? ['']) : '';
  const name = suffix ? `${base} ${suffix}` : base;
  return { name: chance(r, 0.2) ? name.toUpperCase() : name, base };
}

function aceWebsite(r: Rng, domain: string): string {
  const forms = [
    'https://www.{d}',
    'www.{d}',
    'https://{d}',
    'https://www.{d}/',
    'http://www.{d}/en/',
    '{d}',
  ];
  return fill(pick(r, forms), { d: domain });
}

function aceStage(r: Rng, plan: Plan): string {
  if (plan.lost) return 'Closed Lost';
  return pick(
    r,
    [ACE_STAGES.slice(0, 1), ACE_STAGES.slice(1, 3), ACE_STAGES.slice(3, 5), ['Launched']][
      plan.stage
    ],
  );
}

const ACTIVITY_COUNT: Record<string, number> = {
  Prospect: 1,
  Qualified: 2,
  'Technical Validation': 3,
  'Business Validation': 5,
  Committed: 7,
  Launched: 8,
  'Closed Lost': 2,
};

function aceContact(p: Person) {
  const [first, ...last] = p.name.split(' ');
  return {
    BusinessTitle: p.title,
    Email: p.email,
    FirstName: first,
    LastName: last.join(' '),
    Phone: e164(p.phone),
  };
}

function aceAccount(r: Rng, c: Company, companyName: string) {
  const number = int(r, 10, 2500);
  const en = c.country.locales[0] === 'en';
  return {
    Address: {
      City: chance(r, 0.8) ? c.city.name : null,
      CountryCode: c.country.code,
      PostalCode: chance(r, 0.6) ? c.city.postal : null,
      StateOrRegion: c.country.code === 'US' || chance(r, 0.5) ? c.city.state : null,
      StreetAddress: chance(r, 0.4)
        ? en
          ? `${number} ${c.city.street}`
          : `${c.city.street}, ${number}`
        : null,
    },
    AwsAccountId: chance(r, 0.6) ? `${int(r, 1, 9)}${digits(r, 11)}` : null,
    CompanyName: companyName,
    Duns: chance(r, 0.25) ? digits(r, 9) : null,
    Industry: c.industry.ace,
    OtherIndustry: null,
    WebsiteUrl: aceWebsite(r, c.domain),
  };
}

function aceLifeCycle(r: Rng, plan: Plan) {
  const stage = aceStage(r, plan);
  const drafts = ['Approved', 'Approved', 'Submitted', 'In review', 'Action Required'];
  const review = stage === 'Prospect' ? pick(r, drafts) : 'Approved';
  const open = stage !== 'Launched' && stage !== 'Closed Lost';
  return {
    ClosedLostReason: stage === 'Closed Lost' ? pick(r, CLOSED_LOST_REASONS) : null,
    NextSteps: open && chance(r, 0.6) ? pick(r, NEXT_STEPS) : null,
    NextStepsHistory: null,
    ReviewComments:
      review === 'Action Required' ? 'Please add detail to the customer business problem.' : null,
    ReviewStatus: review,
    ReviewStatusReason: null,
    Stage: stage,
    TargetCloseDate: isoDate(plan.deadlineMs + int(r, -21, 21) * DAY_MS),
  };
}

function aceMarketing(r: Rng) {
  const fromCampaign = chance(r, 0.15);
  return {
    AwsFundingUsed: fromCampaign ? pick(r, ['Yes', 'No']) : null,
    CampaignName: fromCampaign ? pick(r, CAMPAIGNS) : null,
    Channels: fromCampaign ? [pick(r, CHANNELS)] : null,
    Source: fromCampaign ? 'Marketing Activity' : 'None',
    UseCases: fromCampaign ? [pick(r, MARKETING_USE_CASES)] : null,
  };
}

const OPPORTUNITY_TYPES = [
  { value: 'Net New Business', weight: 8 },
  { value: 'Expansion', weight: 2 },
  { value: 'Flat Renewal', weight: 1 },
];

function aceRow(r: Rng, plan: Plan, id: string, partnerRef: string | null) {
  const customer = aceCompanyName(r, plan.company);
  const lifeCycle = aceLifeCycle(r, plan);
  // The business problem repeats what the Odoo description says and adds one or two points.
  const extra = plan.topic.problems.map((_, i) => i).filter((i) => !plan.sentences.includes(i));
  const sentences = [...plan.sentences, ...sample(r, extra, int(r, 1, 2))].sort((a, b) => a - b);
  const title = fill(plan.aceTitle, plan.vars);
  const createdMs = dayAt(r, plan.createdMs, int(r, 1, 25));
  const contact = plan.contact && chance(r, 0.7) ? plan.contact : null;
  const owner = aceContact({ ...plan.user, title: 'OpportunityOwner' });
  return {
    Arn: null,
    Catalog: 'AWS',
    CreatedDate: isoTimestamp(createdMs),
    Customer: {
      Account: aceAccount(r, plan.company, customer.name),
      Contacts: contact ? [aceContact(contact)] : [],
    },
    Id: id,
    LastModifiedDate: isoTimestamp(dayAt(r, createdMs, int(r, 1, 14))),
    LifeCycle: lifeCycle,
    Marketing: aceMarketing(r),
    NationalSecurity: 'No',
    OpportunityTeam: [{ ...owner, Phone: null }],
    OpportunityType: weighted(r, OPPORTUNITY_TYPES).value,
    PartnerOpportunityIdentifier: partnerRef,
    PrimaryNeedsFromAws: sample(r, PRIMARY_NEEDS, int(r, 1, 2)),
    Project: {
      AdditionalComments: chance(r, 0.2) ? pick(r, ADDITIONAL_COMMENTS) : null,
      ApnPrograms: null,
      CompetitorName: chance(r, 0.5) ? pick(r, COMPETITORS) : null,
      CustomerBusinessProblem: problemText(plan, sentences, customer.base),
      CustomerUseCase: plan.topic.useCase,
      DeliveryModels: sample(r, DELIVERY_MODELS.slice(0, 5), int(r, 1, 2)),
      ExpectedCustomerSpend: [
        {
          // Monthly AWS spend: the total deal value spread over one to three years.
          Amount: String(Math.round(plan.revenue / int(r, 12, 36))),
          CurrencyCode: 'USD',
          EstimationUrl: null,
          Frequency: 'Monthly',
          TargetCompany: 'AWS',
        },
      ],
      OtherCompetitorNames: null,
      OtherSolutionDescription: null,
      RelatedOpportunityIdentifier: null,
      SalesActivities: SALES_ACTIVITIES.slice(0, ACTIVITY_COUNT[lifeCycle.Stage]),
      Title: chance(r, 0.6) ? `${customer.base} - ${title}` : title,
    },
    RelatedEntityIdentifiers: { AwsMarketplaceOffers: [], AwsProducts: [], Solutions: [] },
    SoftwareRevenue: null,
  };
}

// ---------- assembling the sample

function assignPartnerIds(companies: Company[]): void {
  let id = 15; // after YourCompany (1) and the salespeople's partners
  for (const c of companies) {
    c.partnerId = id++;
    for (const p of c.persons) p.partnerId = id++;
  }
}

function uniqueAceIds(r: Rng, count: number): string[] {
  const ids = new Set<string>();
  while (ids.size < count) ids.add(`O${int(r, 1_000_000, 9_999_999)}`);
  return [...ids];
}

function generate(opts: Options) {
  const r = mulberry32(opts.seed);
  const usedBases = new Set<string>();
  const usedNames = new Set<string>();
  const partnerCount = Math.max(1, Math.round(opts.odoo * 0.45));
  const freeTextCount = Math.round(opts.odoo * 0.1); // leads with only partner_name
  const pool = Array.from({ length: partnerCount }, () => makeCompany(r, usedBases));
  assignPartnerIds(pool);
  const freeText = Array.from({ length: freeTextCount }, () => makeCompany(r, usedBases));
  const repeats = Array.from({ length: opts.odoo - partnerCount - freeTextCount }, () =>
    pick(r, pool),
  );
  const leadCompanies = shuffle(r, [...freeText, ...pool, ...repeats]).slice(0, opts.odoo);
  // A few data warehouse deals, spread over the id range rather than bunched at the start.
  const dwhAt = new Set([0, 1, 2, 3].map((k) => Math.floor((k * opts.odoo) / 4)));
  const plans = leadCompanies.map((c, i) => makePlan(r, c, dwhAt.has(i), usedNames));

  const indices = plans.map((_, i) => i);
  const dwh = shuffle(
    r,
    indices.filter((i) => plans[i].topic.key === 'dwh'),
  ).slice(0, DWH_MIN);
  const rest = shuffle(
    r,
    indices.filter((i) => !dwh.includes(i)),
  );
  const shared = [...dwh, ...rest].slice(0, opts.shared);
  const types = plans.map((_, i) =>
    !shared.includes(i) && chance(r, 0.08) ? ('lead' as const) : ('opportunity' as const),
  );
  const leads = plans.map((plan, i) => leadRow(plan, i + 1, types[i]));

  const aceIds = uniqueAceIds(r, opts.ace);
  const truth = shared.map((i, k) => ({ odoo_id: i + 1, ace_id: aceIds[k] }));
  // About a third of the shared ACE rows carry the Odoo id, as a partner CRM sync would.
  const aceRows = shared.map((i, k) =>
    aceRow(r, plans[i], aceIds[k], k % 3 === 0 ? String(i + 1) : null),
  );
  const aceOnly: { row: ReturnType<typeof aceRow>; government: boolean }[] = [];
  for (let k = 0; k < opts.ace - opts.shared; k++) {
    // Some ACE-only deals belong to an Odoo customer, on a topic that customer has no lead for.
    const company = k >= DWH_MIN && chance(r, 0.25) ? pick(r, pool) : makeCompany(r, usedBases);
    const plan = makePlan(r, company, k < DWH_MIN, usedNames);
    const row = aceRow(r, plan, aceIds[opts.shared + k], null);
    aceOnly.push({ row, government: company.industry.ace === 'Government' });
  }
  const byGovernment = [
    ...aceOnly.filter((a) => a.government),
    ...aceOnly.filter((a) => !a.government),
  ];
  for (const { row } of byGovernment.slice(0, 2)) row.NationalSecurity = 'Yes';
  aceRows.push(...aceOnly.map((a) => a.row));

  return {
    odoo: { ...referenceRows(), res_partner: partnerRows(pool), crm_lead: leads },
    ace: aceRows.sort((a, b) => a.Id.localeCompare(b.Id)),
    shared: truth.sort((a, b) => a.odoo_id - b.odoo_id),
  };
}

function writeJson(outDir: string, file: string, rows: unknown[]) {
  const target = path.join(outDir, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const text = `${JSON.stringify(rows, null, 2)}\n`;
  fs.writeFileSync(target, text);
  return { file, rows: rows.length, bytes: Buffer.byteLength(text) };
}

function main(): void {
  let opts: Options | null;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`error: ${err.message}`);
    process.exit(1);
  }
  if (!opts) {
    console.log(HELP);
    return;
  }
  const sample = generate(opts);
  const written = [
    ...Object.entries(sample.odoo).map(([table, rows]) =>
      writeJson(opts.out, `odoo/${table}.json`, rows),
    ),
    writeJson(opts.out, 'ace/opportunities.json', sample.ace),
    writeJson(opts.out, 'shared_deals.json', sample.shared),
  ];
  console.log(`Wrote ${written.length} files to ${opts.out} (seed ${opts.seed}):`);
  for (const w of written) {
    const kib = (w.bytes / 1024).toFixed(1);
    console.log(`  ${w.file.padEnd(26)} ${String(w.rows).padStart(5)} rows ${kib.padStart(7)} KiB`);
  }
  const total = written.reduce((sum, w) => sum + w.bytes, 0);
  console.log(`Total ${(total / 1024).toFixed(1)} KiB.`);
}

main();
