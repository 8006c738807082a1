// Customer companies and their people for 06_generate_sample_sources.ts, one per index and
// rebuilt from (seed, index) alone, plus the ways the ACE side re-types a company name.
import {
  City,
  CONTACT_TITLES,
  Country,
  COUNTRIES,
  FIRST_NAMES,
  Industry,
  INDUSTRIES,
  LAST_NAMES,
  LEGAL_SUFFIX_VARIANTS,
} from './demo-sample-vocabulary';
import {
  affinePermutation,
  chance,
  digits,
  int,
  Permutation,
  pick,
  Rng,
  rngFor,
  weighted,
} from './sample-sources-random';

export const DAY_MS = 86_400_000;
export const BASE_MS = Date.UTC(2026, 10, 1); // the sample's "today", as in the demo sample
export const INSTALL_MS = Date.UTC(2023, 0, 9, 9); // when the sample Odoo database was set up

export interface Person {
  name: string;
  email: string;
  phone: string;
  title: string;
}

export interface Company {
  index: number;
  name: string;
  base: string; // name without the legal suffix
  suffix: string;
  country: Country;
  city: City;
  industry: Industry;
  domain: string;
  phone: string;
  vat: string | null;
  persons: Person[];
  createdMs: number;
}

// ---------- invented brand stems: the word lists alone run out of names long before 1M

const SYLLABLES = [
  'ka', 'lo', 'ri', 've', 'ta', 'mi', 'sa', 'no', 'ra', 'te', 'do', 'an', 'el', 'is', 'ar', 'or',
  'ven', 'tor', 'mar', 'sol', 'lum', 'nor', 'bel', 'cor', 'dan', 'fin', 'gar', 'hal', 'len',
  'mon', 'per', 'zen',
]; // prettier-ignore
const stemOrders = new Map<number, Permutation>();

// A distinct word per index: two syllables for the first 1,024, then three, four, five.
export function companyStem(seed: number, index: number): string {
  let n = index;
  let length = 2;
  let size = SYLLABLES.length ** 2;
  while (n >= size) {
    n -= size;
    length++;
    size *= SYLLABLES.length;
  }
  let order = stemOrders.get(length);
  if (!order) stemOrders.set(length, (order = affinePermutation(size, seed, `stem-${length}`)));
  let k = order.forward(n);
  let word = '';
  for (let i = 0; i < length; i++, k = Math.floor(k / SYLLABLES.length)) {
    word += SYLLABLES[k % SYLLABLES.length];
  }
  return word[0].toUpperCase() + word.slice(1);
}

// ---------- text helpers (as in 01_generate_demo_samples.ts)

export const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const STOPWORDS = new Set(['de', 'da', 'do', 'del', 'la', 'le', 'of', 'the', 'and']);

export function slug(s: string): string {
  const words = fold(s)
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.filter((w) => w && !STOPWORDS.has(w)).join('-');
}

export const e164 = (phone: string) => `+${phone.replace(/\D/g, '')}`;
const emailPart = (s: string) =>
  fold(s)
    .toLowerCase()
    .replace(/[^a-z]/g, '');

// A moment `days` after the day of fromMs, during office hours (UTC).
export const dayAt = (r: Rng, fromMs: number, days: number) =>
  Math.floor(fromMs / DAY_MS) * DAY_MS + days * DAY_MS + int(r, 7 * 3600, 19 * 3600) * 1000;

function makePhone(r: Rng, country: Country, city: City): string {
  if (country.callingCode === '1') return `+1 ${city.area} 555 ${digits(r, 4)}`;
  const area = city.area ? `${city.area} ` : '';
  return `+${country.callingCode} ${area}${int(r, 2, 9)}${digits(r, 3)} ${digits(r, 4)}`;
}

function makePerson(r: Rng, country: Country, city: City, domain: string): Person {
  const locale = pick(r, country.locales);
  const first = pick(r, FIRST_NAMES[locale]);
  const last = pick(r, LAST_NAMES[locale]);
  return {
    name: `${first} ${last}`,
    email: `${emailPart(first)}.${emailPart(last)}@${domain}`,
    phone: makePhone(r, country, city),
    title: pick(r, CONTACT_TITLES),
  };
}

// Own stream, so partner ids can be laid out without building every company.
export const personCount = (seed: number, index: number) =>
  pick(rngFor(seed, 'persons', index), [0, 1, 1, 1, 2, 2, 3]);

// A town-named pattern ("Prefeitura de {city}") takes the stem as the town: names stay distinct.
function stemPatterns(industry: Industry, country: Country): string[] {
  const patterns = industry.patterns[country.locales[0]] ?? industry.patterns.en;
  return patterns.map((p) => p.replace('{city}', '{s}'));
}

export interface CompanyOverride {
  base: string;
  country: Country;
  industry: Industry;
}

export function makeCompany(seed: number, index: number, override?: CompanyOverride): Company {
  const r = rngFor(seed, 'company', index);
  const country = override?.country ?? weighted(r, COUNTRIES);
  const industry = override?.industry ?? weighted(r, INDUSTRIES);
  const city = pick(r, country.cities);
  const pattern = pick(r, stemPatterns(industry, country));
  const base = override?.base ?? pattern.replace('{s}', companyStem(seed, index));
  const suffix = industry.legalSuffix && chance(r, 0.85) ? pick(r, country.legalSuffixes) : '';
  const domain = `${slug(base)}.${country.tld}`;
  const span = Math.floor((BASE_MS - INSTALL_MS) / DAY_MS) - 60;
  return {
    index,
    name: suffix ? `${base} ${suffix}` : base,
    base,
    suffix,
    country,
    city,
    industry,
    domain,
    phone: makePhone(r, country, city),
    vat: chance(r, 0.3) ? `${country.code}${digits(r, 9)}` : null,
    persons: Array.from({ length: personCount(seed, index) }, () =>
      makePerson(r, country, city, domain),
    ),
    createdMs: dayAt(r, INSTALL_MS, int(r, 1, span)),
  };
}

// A contact typed into a lead or an ACE row who is not (yet) a partner in Odoo.
export const walkInPerson = (r: Rng, c: Company) => makePerson(r, c.country, c.city, c.domain);

// ---------- hard negatives: a different customer whose name looks like another's

const RELATED_WORDS: Record<string, string> = {
  Health: 'Healthcare',
  Bank: 'Banking',
  Software: 'Systems',
  Logistics: 'Logistic Services',
  Energy: 'Energy Solutions',
  Retail: 'Retail Group',
  Labs: 'Laboratories',
  Digital: 'Digital Media',
  Pharma: 'Pharmaceuticals',
};
const TWISTS = [' Partners', ' Group', ' Holdings', ' International', ' Services', ' Foundation'];

// "Acme Health" -> "Acme Healthcare Partners": another company a matcher must keep apart.
export function similarCompany(seed: number, index: number, like: Company): Company {
  const r = rngFor(seed, 'similar', index);
  const words = like.base.split(' ');
  const last = words[words.length - 1];
  const renamed = RELATED_WORDS[last] ? [...words.slice(0, -1), RELATED_WORDS[last]] : words;
  const base = `${renamed.join(' ')}${pick(r, TWISTS)}`;
  const country = chance(r, 0.7) ? like.country : weighted(r, COUNTRIES);
  return makeCompany(seed, index, { base, country, industry: like.industry });
}

// ---------- how ACE re-types a customer name

// One character dropped or two neighbours swapped, never the first letter.
export function typo(r: Rng, s: string): string {
  const letters = [...s].map((ch, i) => ({ ch, i })).filter((x) => x.i > 0 && /\p{L}/u.test(x.ch));
  if (letters.length < 3) return s;
  const at = pick(r, letters.slice(0, -1)).i;
  if (chance(r, 0.5)) return s.slice(0, at) + s.slice(at + 1);
  return s.slice(0, at) + s[at + 1] + s[at] + s.slice(at + 2);
}

const flipAnd = (s: string) =>
  s.includes(' & ') ? s.replace(' & ', ' and ') : s.replace(' and ', ' & ');

// The suffix changed or dropped, accents lost, "&" spelled out, a typo, or all caps.
// `base` is how the ACE title and business problem name the customer.
export function aceCompanyName(r: Rng, c: Company): { name: string; base: string } {
  if (chance(r, 0.3)) return { name: c.name, base: c.base };
  let base = chance(r, 0.3) ? fold(c.base) : c.base;
  if (chance(r, 0.5)) base = flipAnd(base);
  const typed = chance(r, 0.25) ? typo(r, base) : base;
  const variants = LEGAL_SUFFIX_VARIANTS[c.suffix] ?? [c.suffix];
  const suffix = c.suffix && chance(r, 0.75) ? pick(r, variants) : c.suffix;
  const name = suffix ? `${typed} ${suffix}` : typed;
  return { name: chance(r, 0.15) ? name.toUpperCase() : name, base };
}
