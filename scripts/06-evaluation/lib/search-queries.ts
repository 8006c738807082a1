import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { pick, Rng, rngFor } from '../../03-data/lib/sample-sources-random';
import {
  describable,
  describedDeals,
  describedProject,
  inCountry,
  LANGUAGES,
  nameable,
  STAGE_CATEGORIES,
  stageWords,
} from './search-phrases';
import { CorpusTruth, Customer, OpportunityTruth } from './search-truth';

/** The classes that make up the overall figure, in the order they are reported. */
export const ENGLISH_CLASSES = [
  'named deal',
  'misspelled name',
  'abbreviated name',
  'described deals',
  'stage words',
] as const;
/** Reported on its own: the offline model is English-only. */
export const NON_ENGLISH = 'non-English' as const;
export type QueryClass = (typeof ENGLISH_CLASSES)[number] | typeof NON_ENGLISH;
export const QUERY_CLASSES: readonly QueryClass[] = [...ENGLISH_CLASSES, NON_ENGLISH];

export interface LabelledQuery {
  kind: QueryClass;
  q: string;
  /** `source:id` of every right answer. */
  relevant: Set<string>;
}

/**
 * The labelled query set of eval:search: `wanted` queries split evenly over the English
 * classes, plus each described-deals query again in Spanish, Portuguese or German. Right
 * answers come from what each opportunity really is (corpusTruth), never from search
 * results. Everything is picked evenly spread over sorted lists: the same set every run.
 */
export function labelledQueries(
  truth: CorpusTruth,
  groundTruthCsv: string,
  wanted: number,
): LabelledQuery[] {
  const classes = ENGLISH_CLASSES.length;
  const share = (k: number) => Math.floor(wanted / classes) + (k < wanted % classes ? 1 : 0);
  const byCompany = new Map<number, OpportunityTruth[]>();
  for (const o of truth.opportunities) {
    if (o.customer) byCompany.set(o.company, [...(byCompany.get(o.company) ?? []), o]);
  }
  const ofCustomer = (c: Customer) => keysOf(byCompany.get(c.company) ?? []);
  const described = describedQueries(truth.opportunities, share(3));
  return [
    ...namedDeals(truth.opportunities, groundTruthCsv, share(0)),
    ...misspelledNames(truth.customers, ofCustomer, share(1)),
    ...spread(truth.customers, share(2), 0.5).map((c, k): LabelledQuery => ({
      kind: 'abbreviated name',
      q: abbreviate(c, k % 2 === 1),
      relevant: ofCustomer(c),
    })),
    ...described.map(({ english }) => english),
    ...stageQueries(truth.opportunities, share(4)),
    ...described.map(({ translated }) => translated),
  ];
}

/** n items evenly spread over `items`, the first `offset` (0–1) of a step in. */
function spread<T>(items: readonly T[], n: number, offset = 0): T[] {
  if (n >= items.length) return [...items];
  return Array.from({ length: n }, (_, k) => items[Math.floor(((k + offset) * items.length) / n)]);
}

const keysOf = (opportunities: OpportunityTruth[]) => new Set(opportunities.map((o) => o.key));

/**
 * The customer's name as ACE has it, without its legal form, and the project in other words
 * than its title ("anlen telecomunicaciones moving their reporting and analytics data to the
 * cloud"), every other pair of queries with the country. Right answers: that deal's Odoo lead
 * and ACE opportunity.
 */
function namedDeals(
  opportunities: OpportunityTruth[],
  groundTruthCsv: string,
  n: number,
): LabelledQuery[] {
  const rows: { odoo_id: string; ace_id: string; kind: string }[] = parse(
    readFileSync(groundTruthCsv),
    { columns: true },
  );
  const byKey = new Map(opportunities.map((o) => [o.key, o]));
  const deals = rows
    .filter((row) => row.kind === 'match' && byKey.has(`odoo:${row.odoo_id}`))
    .map((row) => ({ odooKey: `odoo:${row.odoo_id}`, ace: byKey.get(`ace:${row.ace_id}`) }))
    .filter((deal): deal is { odooKey: string; ace: OpportunityTruth } =>
      Boolean(deal.ace?.customer && deal.ace.useCase),
    )
    .sort((a, b) => a.ace.key.localeCompare(b.ace.key));
  return spread(deals, n).map(({ odooKey, ace }, k) => ({
    kind: 'named deal',
    q: [
      ace.customer,
      describedProject(ace.useCase as string, k % 2),
      (k >> 1) % 2 === 0 && ace.country ? inCountry(ace.country) : '',
    ]
      .filter(Boolean)
      .join(' '),
    relevant: new Set([odooKey, ace.key]),
  }));
}

/**
 * The customer's normalised name with one letter dropped and, as a second query, two
 * neighbouring letters swapped ("hospitl kalo", "hopsital kalo"). Right answers: every
 * opportunity of that customer that names it, in both sources: the name is what was asked.
 */
function misspelledNames(
  customers: Customer[],
  ofCustomer: (c: Customer) => Set<string>,
  n: number,
): LabelledQuery[] {
  return spread(customers, Math.ceil(n / 2))
    .flatMap((c) => {
      const r = rngFor(0, 'eval-search-typo', c.company);
      return [dropLetter(c.name, r), swapLetters(c.name, r)]
        .filter((q): q is string => q !== null)
        .map((q): LabelledQuery => ({ kind: 'misspelled name', q, relevant: ofCustomer(c) }));
    })
    .slice(0, n);
}

/** Where a typist slips: any letter but a word's first, in words of four letters or more. */
function slips(name: string): number[] {
  return [...name.matchAll(/\p{L}{4,}/gu)].flatMap((m) =>
    Array.from({ length: m[0].length - 1 }, (_, i) => (m.index as number) + i + 1),
  );
}

export function dropLetter(name: string, r: Rng): string | null {
  const positions = slips(name);
  if (!positions.length) return null;
  const at = pick(r, positions);
  return name.slice(0, at) + name.slice(at + 1);
}

export function swapLetters(name: string, r: Rng): string | null {
  const letters = new Set(slips(name));
  const positions = [...letters].filter((i) => letters.has(i + 1) && name[i] !== name[i + 1]);
  if (!positions.length) return null;
  const at = pick(r, positions);
  return name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2);
}

const FILLER_WORDS = new Set(['de', 'da', 'do', 'del', 'la', 'of', 'the', 'and']);

/**
 * How an analyst shortens a customer's name: its own word alone ("kalo" for Kalo Medical
 * Center), or with the initials of the words that say what kind of company it is, where
 * they stood ("kalo mc", "h kalo" for Hospital Kalo, "ss kalo" for Secretaria de Saúde de
 * Kalo).
 */
export function abbreviate(c: Customer, initials: boolean): string {
  const words = c.name.split(' ');
  const at = words.indexOf(c.stem);
  const initialsOf = (part: string[]) =>
    part
      .filter((w) => !FILLER_WORDS.has(w))
      .map((w) => w[0])
      .join('');
  if (!initials) return c.stem;
  return [initialsOf(words.slice(0, at)), c.stem, initialsOf(words.slice(at + 1))]
    .filter(Boolean)
    .join(' ');
}

/**
 * The project in other words, the kind of company and the country, no name ("a patient
 * records platform for their clinics for a hospital group in Brazil"), one query per
 * combination picked; and the same in Spanish, Portuguese or German. Right answers: every
 * opportunity with that use case, industry and country, in either source or both.
 */
function describedQueries(
  opportunities: OpportunityTruth[],
  n: number,
): { english: LabelledQuery; translated: LabelledQuery }[] {
  const groups = new Map<string, OpportunityTruth[]>();
  for (const o of opportunities) {
    if (!o.useCase || !o.industry || !o.country || !describable(o.useCase, o.industry)) continue;
    const key = [o.useCase, o.industry, o.country].join('|');
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const keys = [...groups.keys()].sort();
  return spread(keys, n).map((key, k) => {
    const [useCase, industry, country] = key.split('|');
    const relevant = keysOf(groups.get(key) as OpportunityTruth[]);
    const language = LANGUAGES[k % LANGUAGES.length];
    return {
      english: {
        kind: 'described deals',
        q: describedDeals(useCase, industry, country, k),
        relevant,
      },
      translated: {
        kind: NON_ENGLISH,
        q: describedDeals(useCase, industry, country, k, language),
        relevant,
      },
    };
  });
}

const STAGE_SHAPES = ['country', 'industry', 'both'] as const;

/**
 * A stage category with a country, a kind of company or both ("won deals in Germany",
 * "opportunities lost for a bank", "open pipeline for a retailer in Brazil"), rotating over
 * the nine shapes. Right answers: every opportunity in that stage category that fits.
 */
function stageQueries(opportunities: OpportunityTruth[], n: number): LabelledQuery[] {
  const queries: LabelledQuery[] = [];
  STAGE_SHAPES.forEach((shape, s) =>
    STAGE_CATEGORIES.forEach((stage, c) => {
      const slot = s * STAGE_CATEGORIES.length + c;
      const count = Math.floor((n - slot - 1) / 9) + 1;
      if (count <= 0) return;
      const inStage = opportunities.filter((o) => o.stage === stage);
      const values = new Set<string>();
      for (const o of inStage) {
        if (shape !== 'industry' && !o.country) continue;
        if (shape !== 'country' && !(o.industry && nameable(o.industry))) continue;
        const industry = shape === 'country' ? '' : o.industry;
        values.add(`${industry}|${shape === 'industry' ? '' : o.country}`);
      }
      for (const value of spread([...values].sort(), count, 0.5)) {
        const [industry, country] = value.split('|').map((part) => part || null);
        const fits = inStage.filter(
          (o) => (!industry || o.industry === industry) && (!country || o.country === country),
        );
        queries.push({
          kind: 'stage words',
          q: stageWords(stage, industry, country),
          relevant: keysOf(fits),
        });
      }
    }),
  );
  return queries;
}
