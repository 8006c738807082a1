// The labelled two-source organisation sets in shared/datasets, read as they are (never
// copied into the project) into one shape: the records of side A (they become Odoo
// customers), of side B (ACE customers), the true links and the labelled non-links. Each
// reader checks the counts its SOURCE.md gives, so a changed file is noticed.
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One organisation as one source typed it. Missing fields are null. */
export interface OrgRecord {
  /** The set's own record id, unique within its side. */
  key: string;
  name: string;
  street: string | null;
  city: string | null;
  postcode: string | null;
  region: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  phone: string | null;
  website: string | null;
  email: string | null;
}

export interface LinkedSets {
  set: DatasetName;
  /** Side A: becomes the customers of Odoo leads. */
  a: OrgRecord[];
  /** Side B: becomes the customers of ACE opportunities. */
  b: OrgRecord[];
  /** True matches, by record key. */
  links: { a: string; b: string }[];
  /** Pairs the set labels as different organisations (hard negatives). */
  distinct: { a: string; b: string }[];
}

export const DATASETS = ['overture-place-pairs', 'pudl-ferc1-eia-utilities', 'oar-facility-pairs'] as const; // prettier-ignore
export type DatasetName = (typeof DATASETS)[number];

/** shared/ beside the clone, or SHARED_DIR. */
export const sharedDir = (repoRoot: string) =>
  process.env.SHARED_DIR ?? join(repoRoot, '../shared');

export function readLinkedSets(sharedRoot: string, set: DatasetName): LinkedSets {
  const dir = join(sharedRoot, 'datasets', set);
  if (!existsSync(dir)) {
    throw new Error(`${dir} not found: the data sets live in shared/datasets (set SHARED_DIR)`);
  }
  if (set === 'overture-place-pairs') return readOverture(dir);
  if (set === 'pudl-ferc1-eia-utilities') return readPudl(dir);
  return readOar(dir);
}

function expectCount(set: string, what: string, actual: number, expected: number): void {
  if (actual !== expected) {
    throw new Error(`${set}: ${what} is ${actual}, SOURCE.md says ${expected}; was the file changed?`); // prettier-ignore
  }
}

const clean = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' || /^(null|none|nan)$/i.test(text) ? null : text;
};

// ---------- Overture: one row per labelled pair, most values JSON to parse again

interface OvertureAddress {
  freeform?: string | null;
  locality?: string | null;
  postcode?: string | null;
  region?: string | null;
  country?: string | null;
}

const jsonOf = (text: unknown): unknown => {
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** The first usable string of a JSON array (B holds `[null]`, `[""]` or `["NULL"]` at times). */
const firstOf = (text: unknown): string | null => {
  const list = jsonOf(text);
  return Array.isArray(list) ? (list.map(clean).find((v) => v !== null) ?? null) : null;
};

function overtureRecord(row: Record<string, unknown>, prefix: '' | 'base_'): OrgRecord {
  const names = jsonOf(row[`${prefix}names`]) as { primary?: string } | null;
  const addresses = jsonOf(row[`${prefix}addresses`]);
  const address = (Array.isArray(addresses) ? addresses[0] : null) as OvertureAddress | null;
  return {
    key: String(row[`${prefix}id`]),
    name: clean(names?.primary) ?? '',
    street: clean(address?.freeform),
    city: clean(address?.locality),
    postcode: clean(address?.postcode),
    region: clean(address?.region),
    country: clean(address?.country)?.toUpperCase() ?? null,
    phone: firstOf(row[`${prefix}phones`]),
    website: firstOf(row[`${prefix}websites`]),
    email: firstOf(row[`${prefix}emails`]),
  };
}

function readOverture(dir: string): LinkedSets {
  const lines = readFileSync(join(dir, 'samples_3k_project_c_updated.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const rows = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const a = new Map<string, OrgRecord>();
  const b = new Map<string, OrgRecord>();
  const links: LinkedSets['links'] = [];
  const distinct: LinkedSets['distinct'] = [];
  for (const row of rows) {
    const [ra, rb] = [overtureRecord(row, ''), overtureRecord(row, 'base_')];
    if (!a.has(ra.key)) a.set(ra.key, ra);
    if (!b.has(rb.key)) b.set(rb.key, rb);
    (row.label === 1 ? links : distinct).push({ a: ra.key, b: rb.key });
  }
  const set = 'overture-place-pairs';
  expectCount(set, 'the number of pairs', rows.length, 3000);
  expectCount(set, 'the number of matches', links.length, 1809);
  expectCount(set, 'the number of A records', a.size, 2997);
  expectCount(set, 'the number of B records', b.size, 2998);
  return { set, a: [...a.values()], b: [...b.values()], links, distinct };
}

// ---------- PUDL: FERC Form 1 respondents (A) against EIA utilities (B), names only

function readPudl(dir: string): LinkedSets {
  const rows: Record<string, string>[] = parse(
    readFileSync(join(dir, 'utility_id_pudl.lines-1-369.csv')),
    { columns: true, skip_empty_lines: true },
  );
  const record = (key: string, name: string): OrgRecord => ({
    key,
    name,
    street: null,
    city: null,
    postcode: null,
    region: null,
    country: 'US',
    phone: null,
    website: null,
    email: null,
  });
  const a = new Map<string, OrgRecord>();
  const b = new Map<string, OrgRecord>();
  const links: LinkedSets['links'] = [];
  for (const row of rows) {
    const [ferc, eia] = [clean(row.utility_id_ferc1), clean(row.utility_id_eia)];
    if (ferc && !a.has(ferc)) a.set(ferc, record(ferc, row.utility_name_ferc1.trim()));
    if (eia && !b.has(eia)) b.set(eia, record(eia, row.utility_name_eia.trim()));
    if (ferc && eia) links.push({ a: ferc, b: eia });
  }
  const set = 'pudl-ferc1-eia-utilities';
  expectCount(set, 'the number of rows', rows.length, 368);
  expectCount(set, 'the number of FERC respondents', a.size, 367);
  expectCount(set, 'the number of links', links.length, 143);
  expectCount(set, 'the number of EIA utilities', b.size, 140);
  return { set, a: [...a.values()], b: [...b.values()], links, distinct: [] };
}

// ---------- OAR: labelled pairs of facility-list items; the first of a pair is side A

interface OarRecord {
  id: string;
  name: string;
  address: string;
  country: string;
}

function readOar(dir: string): LinkedSets {
  const file = JSON.parse(readFileSync(join(dir, 'training.json'), 'utf8')) as Record<
    'match' | 'distinct',
    { __value__: [OarRecord, OarRecord] }[]
  >;
  const record = (r: OarRecord): OrgRecord => ({
    key: r.id,
    name: r.name,
    // Already lower-cased and cleaned by OAR; one line with the city and country in it.
    street: clean(r.address),
    city: null,
    postcode: null,
    region: null,
    country: clean(r.country)?.toUpperCase() ?? null,
    phone: null,
    website: null,
    email: null,
  });
  const a = new Map<string, OrgRecord>();
  const b = new Map<string, OrgRecord>();
  const pairsOf = (label: 'match' | 'distinct') => {
    const seen = new Set<string>();
    const pairs: { a: string; b: string }[] = [];
    for (const {
      __value__: [ra, rb],
    } of file[label]) {
      if (!a.has(ra.id)) a.set(ra.id, record(ra));
      if (!b.has(rb.id)) b.set(rb.id, record(rb));
      if (seen.has(`${ra.id}:${rb.id}`)) continue; // one match pair is listed twice
      seen.add(`${ra.id}:${rb.id}`);
      pairs.push({ a: ra.id, b: rb.id });
    }
    return pairs;
  };
  const links = pairsOf('match');
  const distinct = pairsOf('distinct');
  const set = 'oar-facility-pairs';
  expectCount(set, 'the number of labelled pairs', file.match.length + file.distinct.length, 112); // prettier-ignore
  expectCount(set, 'the number of match pairs', file.match.length, 47);
  expectCount(set, 'the number of records', new Set([...a.keys(), ...b.keys()]).size, 214);
  return { set, a: [...a.values()], b: [...b.values()], links, distinct };
}
