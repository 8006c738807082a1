import { RawColumnType, RawTableSpec } from '../raw/raw-table-spec';

/**
 * How the header of an Odoo import-compatible export maps onto a RAW row. The rule:
 * - `.id` is the record's database id; `id` then holds its external id (`__export__.crm_lead_12_ab`,
 *   `crm.crm_case_1`) and is kept as `external_id`. Without a `.id` column, an `id` cell
 *   that is a plain integer is taken as the database id, anything else as the external id
 *   (such a row has no database id and is quarantined).
 * - `field/.id` is a database id: it fills the integer column `field` (or, for a many2many
 *   with a relation table, comma-separated ids become relation rows).
 * - A plain many2one header (`partner_id`) holds the target's display name, never an id:
 *   it is kept as `partner_id/display_name` so it lands in `_extra`, and the integer column
 *   stays empty. Use `partner_id/.id` to load the id.
 * - Every other header with a `/` (`partner_id/id` = external id, `partner_id/name`, …) and
 *   every header the RAW table has no column for is kept under its own name (`_extra`).
 */
export type HeaderTarget =
  | { kind: 'column'; column: string }
  | { kind: 'extra'; key: string }
  | { kind: 'id-or-external' }
  | { kind: 'relation'; relation: Many2manyRelation };

export interface Many2manyRelation {
  field: string;
  /** Source table of the relation, e.g. crm_tag_rel. */
  table: string;
  /** Column holding this record's id, and the one holding the other record's id. */
  ownColumn: string;
  otherColumn: string;
}

/** many2many fields whose relation table is a RAW table (reference A.3), by source table. */
export const MANY2MANY_RELATIONS: Record<string, Many2manyRelation[]> = {
  crm_lead: [
    { field: 'tag_ids', table: 'crm_tag_rel', ownColumn: 'lead_id', otherColumn: 'tag_id' },
  ],
};

/** Integer many2one columns whose names do not end in `_id` / `_uid` (reference A.4). */
const MANY2ONE_WITHOUT_SUFFIX = new Set(['title', 'recurring_plan', 'lost_reason']);

/** Whether an integer RAW column is a many2one (a foreign key), as opposed to a count or code. */
export function isMany2one(spec: RawTableSpec, column: string): boolean {
  return (
    spec.columns[column] === 'integer' &&
    column !== 'id' &&
    (/_u?id$/.test(column) || MANY2ONE_WITHOUT_SUFFIX.has(column))
  );
}

/** One target per header, in header order; throws on headers that cannot be read. */
export function planHeaders(spec: RawTableSpec, headers: string[]): HeaderTarget[] {
  const seen = new Map<string, string>();
  const hasDatabaseId = headers.includes('.id');
  const relations = MANY2MANY_RELATIONS[spec.sourceTable] ?? [];
  // A relation table (crm_tag_rel) is not an Odoo model: its file holds plain ids.
  const plainIds = !('id' in spec.columns);
  const targets = headers.map((header): HeaderTarget => {
    if (header.trim() === '') throw new Error('a column has an empty header');
    if (header === '.id') return { kind: 'column', column: 'id' };
    if (header === 'id') {
      return hasDatabaseId ? { kind: 'extra', key: 'external_id' } : { kind: 'id-or-external' };
    }
    const slash = header.indexOf('/');
    if (slash < 0) {
      if (!(header in spec.columns)) return { kind: 'extra', key: header };
      return isMany2one(spec, header) && !plainIds
        ? { kind: 'extra', key: `${header}/display_name` }
        : { kind: 'column', column: header };
    }
    const field = header.slice(0, slash);
    if (header.slice(slash + 1) === '.id') {
      if (isMany2one(spec, field)) return { kind: 'column', column: field };
      const relation = relations.find((r) => r.field === field);
      if (relation) return { kind: 'relation', relation };
    }
    return { kind: 'extra', key: header };
  });
  targets.forEach((target, i) => {
    const key =
      target.kind === 'column'
        ? target.column
        : target.kind === 'extra'
          ? target.key
          : target.kind === 'relation'
            ? `/${target.relation.table}`
            : 'id';
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new Error(`columns "${earlier}" and "${headers[i]}" both fill "${key}"`);
    }
    seen.set(key, headers[i]);
  });
  return targets;
}

export interface MappedRecord {
  row: Record<string, unknown>;
  /** Rows for many2many relation tables, by source table. */
  relations: Record<string, Record<string, unknown>[]>;
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
  language = 'en_US',
): MappedRecord {
  const row: Record<string, unknown> = {};
  const pending: { relation: Many2manyRelation; ids: unknown[] }[] = [];
  targets.forEach((target, i) => {
    const cell = cells[i] ?? '';
    switch (target.kind) {
      case 'column':
        row[target.column] = cellValue(spec.columns[target.column], cell, language);
        break;
      case 'extra':
        row[target.key] = cell === '' ? null : cell;
        break;
      case 'id-or-external':
        if (/^\d+$/.test(cell)) row.id = cellValue('integer', cell, language);
        else {
          row.id = null;
          row.external_id = cell === '' ? null : cell;
        }
        break;
      case 'relation':
        pending.push({ relation: target.relation, ids: idList(cell) });
        break;
    }
  });
  const relations: Record<string, Record<string, unknown>[]> = {};
  const own = row.id;
  for (const { relation, ids } of pending) {
    // Without its own id the record cannot be linked; the record itself is quarantined.
    if (own === null || own === undefined) continue;
    relations[relation.table] = ids.map((other) => ({
      [relation.ownColumn]: own,
      [relation.otherColumn]: other,
    }));
  }
  return { row, relations };
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
