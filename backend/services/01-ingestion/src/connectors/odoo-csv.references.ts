import { exportedDatabaseId } from './odoo-external-ids';

/**
 * What an export file tells about its records, for resolving the relation cells of other
 * files (and its own): each record's key, External ID, display names and code.
 */
export interface ModelIndex {
  sourceTable: string;
  /** The key of each body record, in file order (null where the record has none). */
  keys: (number | null)[];
  byExternalId: Map<string, number>;
  /** Display names as written, and case-folded, each with the keys that carry it. */
  byName: Map<string, number[]>;
  byFoldedName: Map<string, number[]>;
  /** The display name of each key. */
  nameOf: Map<number, string>;
  /** ISO codes of countries and currencies (`BE`, `EUR`), for `base.be` / `base.EUR`. */
  byCode: Map<string, number>;
}

/** One body record of an export, by header. */
export type Cells = (header: string) => string | undefined;

export interface IndexInput {
  sourceTable: string;
  records: Cells[];
  /** Keys of the records, from `.id` or resolved from their `id` cells. */
  keys: (number | null)[];
  /** The display name of each record (see displayNames). */
  names: (string | null)[];
}

const fold = (name: string) => name.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/** Columns holding an ISO code, by source table. */
const CODE_COLUMNS: Record<string, string> = { res_country: 'code', res_currency: 'name' };

export function buildIndex({ sourceTable, records, keys, names }: IndexInput): ModelIndex {
  const index: ModelIndex = {
    sourceTable,
    keys,
    byExternalId: new Map(),
    byName: new Map(),
    byFoldedName: new Map(),
    nameOf: new Map(),
    byCode: new Map(),
  };
  const add = (map: Map<string, number[]>, label: string, key: number) => {
    const keysOf = map.get(label) ?? [];
    if (!keysOf.includes(key)) map.set(label, [...keysOf, key]);
  };
  records.forEach((cells, i) => {
    const key = keys[i];
    if (key === null) return;
    const externalId = cells('id');
    if (externalId && !/^\d+$/.test(externalId)) index.byExternalId.set(externalId, key);
    const name = names[i];
    if (name) {
      index.nameOf.set(key, name);
      add(index.byName, name.trim(), key);
      add(index.byFoldedName, fold(name), key);
    }
    const codeColumn = CODE_COLUMNS[sourceTable];
    const code = codeColumn ? cells(codeColumn)?.trim().toUpperCase() : undefined;
    if (code) index.byCode.set(code, key);
  });
  return index;
}

/**
 * The key an External ID names without asking the registry: the record's own row in the
 * export, the database id inside an id Odoo made on export, or a country or currency by
 * its ISO code (`base.be`, `base.EUR`). Undefined when only the registry can tell.
 */
export function keyByExternalId(
  sourceTable: string,
  externalId: string,
  index: ModelIndex | null,
): number | undefined {
  const own = index?.byExternalId.get(externalId);
  if (own !== undefined) return own;
  const exported = exportedDatabaseId(sourceTable, externalId);
  if (exported !== null) return exported;
  const iso = /^base\.([A-Za-z]{2,3})$/.exec(externalId)?.[1];
  return iso ? index?.byCode.get(iso.toUpperCase()) : undefined;
}

/** The one record a display name names: as written, else ignoring case and spacing. */
export function keyByName(
  model: string,
  name: string,
  index: ModelIndex | null,
): { key: number } | { problem: string } {
  const quoted = JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
  if (!index) {
    return {
      problem: `${quoted} cannot be resolved: the export has no ${model} file to look it up in`,
    };
  }
  const lookups: [Map<string, number[]>, string][] = [
    [index.byName, name.trim()],
    [index.byFoldedName, fold(name)],
  ];
  // A state reads "California (US)" in Odoo: its name, then its country's code.
  const bare = /^(.*\S) \([A-Z]{2}\)$/.exec(name.trim())?.[1];
  if (bare && model === 'res.country.state') {
    lookups.push([index.byName, bare], [index.byFoldedName, fold(bare)]);
  }
  for (const [labels, label] of lookups) {
    const keys = labels.get(label);
    if (keys?.length === 1) return { key: keys[0] };
    if (keys && keys.length > 1) {
      return { problem: `${quoted} is ambiguous: ${keys.length} ${model} records have that name` };
    }
  }
  return { problem: `no ${model} named ${quoted}` };
}

/**
 * Each record's display name as Odoo shows it: `name`, or `display_name` /
 * `complete_name` when exported; a contact of a company reads "Company, Contact" (Odoo's
 * res.partner rule: the commercial company's name first). `parentOf` gives the row of a
 * record's parent within the same file; `fallback` a name from elsewhere (a user's partner).
 */
export function displayNames(
  sourceTable: string,
  records: Cells[],
  parentOf: (i: number) => number | undefined,
  fallback: (i: number) => string | undefined = () => undefined,
): (string | null)[] {
  const own = records.map(
    (cells, i) =>
      cells('display_name') || cells('complete_name') || cells('name') || fallback(i) || null,
  );
  if (sourceTable !== 'res_partner' || records.some((cells) => cells('display_name'))) return own;
  return records.map((cells, i) => {
    const name = own[i];
    if (!name || cells('complete_name') || isTrue(cells('is_company'))) return name;
    // Up the parents to the company (at most a few levels; a loop in the data stops it).
    let top: number | undefined;
    for (let at = parentOf(i), hops = 0; at !== undefined && hops < 10; at = parentOf(at), hops++) {
      top = at;
      if (isTrue(records[at]('is_company'))) break;
    }
    const company = top === undefined ? null : (records[top]('name') ?? null);
    return company ? `${company}, ${name}` : name;
  });
}

const isTrue = (cell: string | undefined) => cell === 'True' || cell === 'true' || cell === '1';
