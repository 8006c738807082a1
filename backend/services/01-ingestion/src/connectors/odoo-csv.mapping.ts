import { RawColumnType, RawTableSpec } from '../raw/raw-table-spec';

/**
 * How the header of an Odoo export maps onto a RAW row. Odoo writes three forms, and a file
 * may mix them:
 * - database ids: `.id` is the record's id, `field/.id` the id a many2one or many2many
 *   points at (a many2many as comma-separated ids);
 * - External IDs (the import-compatible export): `id` is the record's External ID, kept as
 *   `external_id`, and `field/id` the External ID it points at;
 * - display names: a bare relation header (`partner_id`) holds the target's display name.
 * External IDs and names are resolved to keys by the connector (odoo-csv.references.ts).
 * When one field comes in several forms, `.id` wins over `/id`, `/id` over the name.
 * Without `.id`, an `id` cell that is a plain integer is taken as the database id. A
 * relation to a model RAW has no table for (res.lang) is kept under its header in
 * `_extra`, as is every header RAW has no column for (that is drift).
 */
export type HeaderTarget =
  | { kind: 'column'; column: string }
  | { kind: 'extra'; key: string }
  | { kind: 'own-id' }
  | { kind: 'reference'; column: string; target: string; form: ReferenceForm }
  | { kind: 'relation'; relation: Many2manyRelation; form: 'ids' | ReferenceForm }
  | { kind: 'skip' };

/** How a relation cell names its target: by External ID or by display name. */
export type ReferenceForm = 'external' | 'name';

export interface Many2manyRelation {
  field: string;
  /** Source table of the relation, e.g. crm_tag_rel. */
  table: string;
  /** Source table of the records it links to, e.g. crm_tag. */
  target: string;
  /** Column holding this record's id, and the one holding the other record's id. */
  ownColumn: string;
  otherColumn: string;
}

/** many2many fields whose relation table is a RAW table (reference A.3), by source table. */
export const MANY2MANY_RELATIONS: Record<string, Many2manyRelation[]> = {
  crm_lead: [
    {
      field: 'tag_ids',
      table: 'crm_tag_rel',
      target: 'crm_tag',
      ownColumn: 'lead_id',
      otherColumn: 'tag_id',
    },
  ],
};

/** The source table a many2one column points at, or undefined for any other column. */
export function referenceOf(spec: RawTableSpec, column: string): string | undefined {
  return spec.references?.[column];
}

/** Which header a field's value is read from: `.id` before `/id` before the name. */
const FORM_RANK: Record<string, number> = { '.id': 0, id: 1, '': 2 };

/** One target per header, in header order; throws on headers that cannot be read. */
export function planHeaders(
  spec: RawTableSpec,
  headers: string[],
  hasTable: HasTable,
): HeaderTarget[] {
  const hasDatabaseId = headers.includes('.id');
  const relations = MANY2MANY_RELATIONS[spec.sourceTable] ?? [];
  // A relation table (crm_tag_rel) is not an Odoo model: its file holds plain ids.
  const plainIds = !('id' in spec.columns);
  const best = bestForms(headers);
  const targets = headers.map((header): HeaderTarget => {
    if (header.trim() === '') throw new Error('a column has an empty header');
    if (header === '.id') return { kind: 'column', column: 'id' };
    if (header === 'id')
      return hasDatabaseId ? { kind: 'extra', key: 'external_id' } : { kind: 'own-id' };
    const slash = header.indexOf('/');
    const field = slash < 0 ? header : header.slice(0, slash);
    const suffix = slash < 0 ? '' : header.slice(slash + 1);
    const target = plainIds ? undefined : referenceOf(spec, field);
    const relation = relations.find((r) => r.field === field);
    if (!(suffix in FORM_RANK) || (!target && !relation)) {
      return header in spec.columns
        ? { kind: 'column', column: header }
        : { kind: 'extra', key: header };
    }
    if (best.get(field) !== suffix) return { kind: 'skip' };
    const form = suffix === '.id' ? 'ids' : suffix === 'id' ? 'external' : 'name';
    if (relation) return { kind: 'relation', relation, form };
    if (form === 'ids') return { kind: 'column', column: field };
    // A model without a RAW table: nothing could join on a key, so the value is kept as is.
    if (!hasTable(target as string)) {
      return { kind: 'extra', key: form === 'name' ? `${field}/display_name` : header };
    }
    return { kind: 'reference', column: field, target: target as string, form };
  });
  const seen = new Map<string, string>();
  targets.forEach((target, i) => {
    const key = filledKey(target);
    if (key === undefined) return;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new Error(`columns "${earlier}" and "${headers[i]}" both fill "${key}"`);
    }
    seen.set(key, headers[i]);
  });
  return targets;
}

/** Whether RAW has a table for an Odoo source table. */
export type HasTable = (sourceTable: string) => boolean;

/** Per field, the suffix (`.id`, `id` or none) of its best header. */
function bestForms(headers: string[]): Map<string, string> {
  const best = new Map<string, string>();
  for (const header of headers) {
    const slash = header.indexOf('/');
    if (header === 'id' || header === '.id') continue;
    const field = slash < 0 ? header : header.slice(0, slash);
    const suffix = slash < 0 ? '' : header.slice(slash + 1);
    if (!(suffix in FORM_RANK)) continue;
    const current = best.get(field);
    if (current === undefined || FORM_RANK[suffix] < FORM_RANK[current]) best.set(field, suffix);
  }
  return best;
}

function filledKey(target: HeaderTarget): string | undefined {
  switch (target.kind) {
    case 'column':
    case 'reference':
      return target.column;
    case 'extra':
      return target.key;
    case 'relation':
      return `/${target.relation.table}`;
    case 'own-id':
      return 'id';
    case 'skip':
      return undefined;
  }
}

/** Resolves the External IDs and display names of relation cells to RAW keys. */
export interface CellResolver {
  /** The key of a record of `target` by External ID. */
  external(target: string, externalId: string): number;
  /** The key of a record of `target` by display name, or why there is none. */
  named(target: string, name: string): { key: number } | { problem: string };
}

export interface MappedRecord {
  row: Record<string, unknown>;
  /** Rows for many2many relation tables, by source table. */
  relations: Record<string, Record<string, unknown>[]>;
  /** Cells that name no record, each as `field: why` (the row is quarantined). */
  problems: string[];
}

/**
 * One CSV record as a database-row-shaped source row. Values are only converted where the
 * conversion is safe; anything else is passed on as text so the RAW check quarantines the
 * row with a reason naming the field.
 */
export function mapRecord(
  spec: RawTableSpec,
  targets: HeaderTarget[],
  cells: string[],
  options: { language?: string; resolver: CellResolver },
): MappedRecord {
  const { language = 'en_US', resolver } = options;
  const row: Record<string, unknown> = {};
  const problems: string[] = [];
  const pending: { relation: Many2manyRelation; ids: unknown[] }[] = [];
  /** A cell naming a record of `target`, as its key; the text itself when it names none. */
  const keyOf = (field: string, target: string, form: ReferenceForm, value: string): unknown => {
    if (form === 'external') return resolver.external(target, value);
    const found = resolver.named(target, value);
    if ('key' in found) return found.key;
    problems.push(`${field}: ${found.problem}`);
    return value;
  };
  targets.forEach((target, i) => {
    const cell = cells[i] ?? '';
    switch (target.kind) {
      case 'column':
        row[target.column] = cellValue(spec.columns[target.column], cell, language);
        break;
      case 'extra':
        row[target.key] = cell === '' ? null : cell;
        break;
      case 'own-id':
        if (cell === '' || /^\d+$/.test(cell)) row.id = cellValue('integer', cell, language);
        else {
          row.id = resolver.external(spec.sourceTable, cell);
          row.external_id = cell;
        }
        break;
      case 'reference':
        row[target.column] =
          cell === '' ? null : keyOf(target.column, target.target, target.form, cell.trim());
        break;
      case 'relation': {
        const { relation, form } = target;
        const ids =
          form === 'ids'
            ? idList(cell)
            : listCells(cell).map((v) => keyOf(relation.field, relation.target, form, v));
        pending.push({ relation, ids });
        break;
      }
      case 'skip':
        break;
    }
  });
  const relations: Record<string, Record<string, unknown>[]> = {};
  const own = row.id;
  for (const { relation, ids } of pending) {
    // Without its own id the record cannot be linked; the record itself is quarantined.
    if (own === null || own === undefined || problems.length) continue;
    relations[relation.table] = ids.map((other) => ({
      [relation.ownColumn]: own,
      [relation.otherColumn]: other,
    }));
  }
  return { row, relations, problems };
}

/** The values of a comma-separated many2many cell (External IDs or names). */
function listCells(cell: string): string[] {
  return cell
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A comma-separated id list (`3,5`), each id typed like an integer cell. */
export function idList(cell: string): unknown[] {
  return cell
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => cellValue('integer', part));
}

const INTEGER = /^-?\d+$/;
const FLOAT = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const BOOLEANS: Record<string, boolean> = {
  True: true,
  False: false,
  true: true,
  false: false,
  '1': true,
  '0': false,
};

/**
 * One CSV cell for a column of `type`: empty = null; integers and floats as numbers
 * (numeric stays text, as PostgreSQL sends it); Odoo's `True` / `False`; dates and
 * timestamps as written; a translatable jsonb name as `{"<language>": text}`.
 */
export function cellValue(type: RawColumnType, cell: string, language = 'en_US'): unknown {
  if (cell === '') return null;
  switch (type) {
    case 'integer': {
      const n = INTEGER.test(cell) ? Number(cell) : NaN;
      return Number.isSafeInteger(n) ? n : cell;
    }
    case 'double':
      return FLOAT.test(cell) ? Number(cell) : cell;
    case 'boolean':
      return BOOLEANS[cell] ?? cell;
    case 'jsonb':
    case 'text[]':
      return jsonCell(cell) ?? (type === 'jsonb' ? { [language]: cell } : cell);
    default:
      return cell;
  }
}

/** An integer cell as a number; null when empty or not an integer. */
export function integerCell(cell: string | undefined): number | null {
  const value = cell === undefined ? null : cellValue('integer', cell);
  return typeof value === 'number' ? value : null;
}

/**
 * An object or array written as JSON (properties, a whole translation dict); null for
 * anything else, which for a jsonb column is a translatable text in the export language.
 */
function jsonCell(cell: string): object | null {
  if (!/^\s*[[{]/.test(cell)) return null;
  try {
    const parsed: unknown = JSON.parse(cell);
    return parsed !== null && typeof parsed === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

/** A value's place in the order rows are served in: empty first, then numbers, then text. */
function rank(value: unknown): 0 | 1 | 2 {
  if (value === null || value === undefined || value === '') return 0;
  return typeof value === 'number' ? 1 : 2;
}

/**
 * Total order over cursor tuples whatever a CSV holds: a malformed cell (text in an id
 * column) still sorts consistently, so keyset paging neither skips nor repeats a row.
 * An empty cell equals the `''` the sync engine's cursorOf() writes for a missing value.
 */
export function compareOrderValues(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const [x, y] = [a[i], b[i]];
    const order = rank(x) - rank(y);
    if (order !== 0) return order;
    if (rank(x) === 1 && x !== y) return (x as number) < (y as number) ? -1 : 1;
    if (rank(x) === 2 && String(x) !== String(y)) return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/**
 * Columns to order a file by: the requested ones the file has, then any key column not
 * among them. An export without `write_date` thus falls back to key order.
 */
export function effectiveOrder(
  requested: string[],
  present: ReadonlySet<string>,
  primaryKey: string[],
): string[] {
  const order = requested.filter((column) => present.has(column));
  for (const column of primaryKey) if (!order.includes(column)) order.push(column);
  return order;
}
