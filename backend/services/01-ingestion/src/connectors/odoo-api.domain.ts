import { RawTableSpec } from '../raw/raw-table-spec';
import { compareCursors, cursorOf, CursorValues } from '../sync/cursor';
import { PageRequest } from './source-connector';

/** An Odoo search domain in prefix (Polish) notation: leaves `[field, op, value]`, '&', '|'. */
export type OdooDomain = unknown[];

/** What `fields_get(attributes=['type', 'store'])` answers for one field. */
export interface OdooField {
  type: string;
  store: boolean;
}

/** The crm.lead ↔ crm.tag many2many: no model of its own, read through crm.lead.tag_ids. */
export const TAG_RELATION = 'crm_tag_rel';

/** crm_lead → crm.lead (Odoo's `_table` is the model name with `.` replaced by `_`). */
export function modelFor(table: Pick<RawTableSpec, 'sourceTable'>): string {
  return table.sourceTable === TAG_RELATION ? 'crm.lead' : table.sourceTable.replace(/_/g, '.');
}

/** `['write_date', 'id']` → `'write_date asc, id asc'`. */
export const orderClause = (columns: string[]): string =>
  columns.map((column) => `${column} asc`).join(', ');

/** The next whole second of an Odoo datetime `YYYY-MM-DD HH:MM:SS` (UTC). */
export function nextSecond(datetime: string): string {
  const time = Date.parse(`${datetime.replace(' ', 'T').slice(0, 19)}Z`);
  if (Number.isNaN(time)) throw new Error(`"${datetime}" is not an Odoo datetime`);
  return new Date(time + 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Rows whose datetime `column` falls in the whole second `datetime` (see pageDomain). */
export const withinSecond = (column: string, datetime: string): OdooDomain => [
  [column, '>=', datetime],
  [column, '<', nextSecond(datetime)],
];

/**
 * Rows after `values` in `columns` order, like SQL's `(a, b) > (x, y)`. When the first
 * column is a datetime, its value stands for a whole second: Odoo stores write_date with
 * microseconds but `read` returns whole seconds, so `write_date > '10:00:00'` would match
 * the very rows a page ended on and a page of rows written in the same second would repeat.
 */
export function keysetDomain(
  columns: string[],
  values: CursorValues,
  firstIsDatetime = false,
): OdooDomain {
  const [column, ...rest] = columns;
  const value = values[0];
  const later = firstIsDatetime ? [column, '>=', nextSecond(String(value))] : [column, '>', value];
  if (rest.length === 0) return [later];
  const same = firstIsDatetime
    ? ['&', ...withinSecond(column, String(value))]
    : [[column, '=', value]];
  return ['|', later, '&', ...same, ...keysetDomain(rest, values.slice(1))];
}

/** The search domain of one page: after a position, from an overlap start, or everything. */
export function pageDomain(page: PageRequest, firstIsDatetime = false): OdooDomain {
  if (page.after) return keysetDomain(page.order, page.after, firstIsDatetime);
  if (page.from !== undefined) return [[page.order[0], '>=', page.from]];
  return [];
}

/**
 * The fields to ask for: columns of the RAW table that the model stores. Fields the model
 * has and RAW lacks are left out (discovery reports that drift), and so are computed,
 * non-stored ones, which would cost the source a computation per row.
 */
export function storedFields(table: RawTableSpec, fields: Record<string, OdooField>): string[] {
  const names = Object.keys(table.columns).filter((column) => fields[column]?.store);
  if (!names.includes('id')) {
    throw new Error(`Odoo ${modelFor(table)} does not report a stored id field`);
  }
  return names;
}

/** A many2one comes back as `[id, "display name"]`; RAW keeps the id, as the column does. */
export function flattenMany2one(
  row: Record<string, unknown>,
  fields: Record<string, OdooField>,
): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    flat[name] = fields[name]?.type === 'many2one' && Array.isArray(value) ? value[0] : value;
  }
  return flat;
}

/** Orders rows exactly like the keyset domains above compare them. */
export const sortByCursor = <T extends Record<string, unknown>>(rows: T[], order: string[]): T[] =>
  [...rows].sort((a, b) => compareCursors(cursorOf(a, order), cursorOf(b, order)));

/** crm.lead rows `{id, tag_ids}` → crm_tag_rel rows `{lead_id, tag_id}`, in key order. */
export function tagRelationRows(
  leads: { id: unknown; tag_ids?: unknown }[],
): { lead_id: number; tag_id: number }[] {
  const rows = leads.flatMap((lead) =>
    (Array.isArray(lead.tag_ids) ? lead.tag_ids : []).map((tag) => ({
      lead_id: Number(lead.id),
      tag_id: Number(tag),
    })),
  );
  return sortByCursor(rows, ['lead_id', 'tag_id']);
}
