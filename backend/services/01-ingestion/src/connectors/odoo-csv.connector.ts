import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RAW_TABLES, RawTableSpec } from '../raw/raw-table-spec';
import { CursorValues } from '../sync/cursor';
import {
  CellResolver,
  compareOrderValues,
  effectiveOrder,
  HeaderTarget,
  integerCell,
  MANY2MANY_RELATIONS,
  mapRecord,
  planHeaders,
} from './odoo-csv.mapping';
import { cached, CsvFile, readCsv } from './odoo-csv.files';
import {
  buildIndex,
  displayNames,
  keyByExternalId,
  keyByName,
  ModelIndex,
} from './odoo-csv.references';
import { ExternalIdKeys, exportedDatabaseId } from './odoo-external-ids';
import { keyOf, markProblems, PageRequest, SourceConnector } from './source-connector';

type Row = Record<string, unknown>;

interface LoadedTable {
  rows: Row[];
  /** Columns the file has (after header mapping): what the rows can be ordered by. */
  present: Set<string>;
  sorted: Map<string, Row[]>;
}

interface ParsedFile {
  rows: Row[];
  present: Set<string>;
  /** Rows of the relation tables the file's many2many columns fill, by source table. */
  relations: Map<string, Row[]>;
}

/**
 * Odoo read from a directory of export files, one per model: `crm.lead.csv` or
 * `crm_lead.csv`, in any of the three forms Odoo writes (database ids, External IDs,
 * display names; header rules: odoo-csv.mapping.ts). External IDs and names are resolved
 * against the other files of the directory (odoo-csv.references.ts); External IDs no file
 * defines get a lasting key from `keys`. crm_tag_rel comes from the `tag_ids` column of
 * the crm.lead file (or a `crm_tag_rel.csv` of its own). Files are parsed once per
 * connector; a file that cannot be read throws, naming the file and line, and fails the
 * sync: no partial table is loaded from a broken file. A cell naming no record (an unknown
 * stage name) quarantines its row, naming the field and the value.
 */
export class OdooCsvConnector implements SourceConnector {
  readonly source = 'odoo' as const;
  readonly description: string;
  private files?: Promise<Map<string, string>>;
  private readonly csv = new Map<string, Promise<CsvFile | null>>();
  private readonly indexes = new Map<string, Promise<ModelIndex | null>>();
  private readonly parsed = new Map<string, Promise<ParsedFile | null>>();
  private readonly tables = new Map<string, Promise<LoadedTable | null>>();

  /** `language`: the exporting user's language, the key a translatable name is kept under. */
  constructor(
    private readonly dir: string,
    private readonly keys: ExternalIdKeys,
    private readonly language = 'en_US',
  ) {
    this.description = `odoo-csv ${dir}`;
  }

  async availableTables(tables: RawTableSpec[]): Promise<RawTableSpec[]> {
    const present = await Promise.all(tables.map(async (table) => !!(await this.load(table))));
    return tables.filter((_, i) => present[i]);
  }

  async readPage(table: RawTableSpec, page: PageRequest): Promise<Row[]> {
    const loaded = await this.load(table);
    if (!loaded) throw new Error(`${this.dir}: no export file for ${table.sourceTable}`);
    // When the export lacks a cursor column (no write_date selected), the rows can only be
    // served in key order: the missing column is left out of the order, the key stays.
    const order = effectiveOrder(page.order, loaded.present, table.primaryKey);
    const rows = sortedRows(loaded, order);
    const valuesOf = (row: Row) => order.map((column) => row[column]);
    let start = 0;
    if (page.after) {
      const after = alignCursor(page.order, page.after, order);
      start = firstIndex(rows, (row) => compareOrderValues(valuesOf(row), after) > 0);
    } else if (page.from !== undefined && order[0] === page.order[0]) {
      // `from` bounds the first cursor column; without that column everything is read.
      const from = page.from.replace('T', ' ');
      start = firstIndex(rows, (row) => compareOrderValues([row[order[0]]], [from]) >= 0);
    }
    let end = Math.min(start + Math.max(1, Math.trunc(page.limit)), rows.length);
    // A page never ends inside a run of equal order values (only rows missing their key
    // can tie): the next page starts strictly after the last row, so it would skip them.
    while (
      end < rows.length &&
      compareOrderValues(valuesOf(rows[end - 1]), valuesOf(rows[end])) === 0
    ) {
      end++;
    }
    return rows.slice(start, end);
  }

  async readKeys(table: RawTableSpec): Promise<string[]> {
    const loaded = await this.load(table);
    if (!loaded) return [];
    const keys = loaded.rows
      .filter((row) => table.primaryKey.every((c) => row[c] !== null && row[c] !== undefined))
      .map((row) => keyOf(row, table.primaryKey));
    return [...new Set(keys)];
  }

  /** A record's own External ID, and relation values kept as written where RAW has no table. */
  understandsExtra(table: RawTableSpec, field: string): boolean {
    const [name, suffix = ''] = field.split('/');
    return (
      field === 'external_id' ||
      (!!table.references?.[name] && ['id', 'display_name'].includes(suffix))
    );
  }

  async close(): Promise<void> {
    this.files = undefined;
    this.csv.clear();
    this.indexes.clear();
    this.parsed.clear();
    this.tables.clear();
  }

  /** The table's rows, or null when the directory has nothing for it. */
  private load(table: RawTableSpec): Promise<LoadedTable | null> {
    return cached(this.tables, table.table, () => this.loadTable(table));
  }

  private async loadTable(table: RawTableSpec): Promise<LoadedTable | null> {
    const own = await this.parseFor(table);
    const derived: ParsedFile[] = [];
    for (const [owner, relations] of Object.entries(MANY2MANY_RELATIONS)) {
      if (!relations.some((r) => r.table === table.sourceTable)) continue;
      const spec = odooSpec(owner);
      const ownerFile = spec ? await this.parseFor(spec) : null;
      if (ownerFile?.relations.has(table.sourceTable)) derived.push(ownerFile);
    }
    if (!own && derived.length === 0) return null;
    const present = new Set(own?.present ?? table.primaryKey);
    let rows = own?.rows ?? [];
    if (derived.length) {
      // Relation rows are sets: the same pair from the file and from tag_ids counts once.
      const all = [...rows, ...derived.flatMap((f) => f.relations.get(table.sourceTable) ?? [])];
      const byKey = new Map(all.map((row) => [keyOf(row, table.primaryKey), row]));
      rows = [...byKey.values()];
      table.primaryKey.forEach((column) => present.add(column));
    }
    return { rows, present, sorted: new Map() };
  }

  /** The parsed export file of a table (model or table name), or null when there is none. */
  private parseFor(table: RawTableSpec): Promise<ParsedFile | null> {
    return cached(this.parsed, table.sourceTable, () => this.parseFile(table));
  }

  /** Source table → file name: `crm.lead.csv` and `crm_lead.csv` both mean crm_lead. */
  private fileNames(): Promise<Map<string, string>> {
    this.files ??= readdir(this.dir).then((names) => {
      const byTable = new Map<string, string>();
      for (const name of names.filter((n) => n.toLowerCase().endsWith('.csv')).sort()) {
        const table = name.slice(0, -4).replace(/\./g, '_');
        const other = byTable.get(table);
        if (other) throw new Error(`${this.dir}: both ${other} and ${name} hold ${table}`);
        byTable.set(table, name);
      }
      return byTable;
    });
    return this.files;
  }

  /** A table's export file, read once, or null when the directory has none. */
  private csvFor(sourceTable: string): Promise<CsvFile | null> {
    return cached(this.csv, sourceTable, async () => {
      const name = (await this.fileNames()).get(sourceTable);
      return name ? readCsv(join(this.dir, name)) : null;
    });
  }

  /**
   * What a model's file says about its records (keys, External IDs, names), for resolving
   * relation cells; null when the directory has no file for it. A file with both `.id`
   * and `id` tells the registry the pairs, so a later export by External ID agrees.
   */
  private indexFor(sourceTable: string): Promise<ModelIndex | null> {
    return cached(this.indexes, sourceTable, async () => {
      const file = await this.csvFor(sourceTable);
      if (!file) return null;
      const keys = await this.recordKeys(sourceTable, file);
      const names = await this.recordNames(sourceTable, file, keys);
      return buildIndex({ sourceTable, records: file.cells, keys, names });
    });
  }

  /** Each record's key: its `.id`; else its `id`, a database id or an External ID. */
  private async recordKeys(sourceTable: string, file: CsvFile): Promise<(number | null)[]> {
    const externalIds = file.cells.map((c) => c('id') ?? '');
    const isExternal = (id: string) => id !== '' && !/^\d+$/.test(id);
    if (file.header.includes('.id')) {
      const keys = file.cells.map((c) => integerCell(c('.id')));
      const pairs = new Map<string, number>();
      externalIds.forEach((id, i) => {
        const key = keys[i];
        if (isExternal(id) && key !== null && exportedDatabaseId(sourceTable, id) === null) {
          pairs.set(id, key);
        }
      });
      await this.keys.remember(sourceTable, pairs);
      return keys;
    }
    const registered = await this.keys.keysFor(
      sourceTable,
      externalIds.filter((id) => isExternal(id) && exportedDatabaseId(sourceTable, id) === null),
    );
    return externalIds.map((id) =>
      isExternal(id)
        ? (exportedDatabaseId(sourceTable, id) ?? registered.get(id) ?? null)
        : integerCell(id),
    );
  }

  /**
   * Each record's display name (see displayNames): a partner's parent is found in the same
   * file, a user's partner in the res.partner file.
   */
  private async recordNames(
    sourceTable: string,
    file: CsvFile,
    keys: (number | null)[],
  ): Promise<(string | null)[]> {
    const { cells } = file;
    const rowOfKey = new Map(keys.flatMap((key, i) => (key === null ? [] : [[key, i]])));
    const rowOfExternalId = new Map(cells.map((c, i) => [c('id') ?? '', i]));
    const rowOfName = new Map(cells.map((c, i) => [c('name') ?? '', i]));
    const parentOf = (i: number): number | undefined => {
      const c = cells[i];
      const [byId, byExternal, byName] = [c('parent_id/.id'), c('parent_id/id'), c('parent_id')];
      if (byId) return rowOfKey.get(Number(byId));
      if (byExternal) return rowOfExternalId.get(byExternal);
      // A parent's display name starts with its company's name.
      return byName ? rowOfName.get(byName.split(', ')[0]) : undefined;
    };
    if (sourceTable !== 'res_users') return displayNames(sourceTable, cells, parentOf);
    const partners = await this.indexFor('res_partner');
    const partnerName = (i: number): string | undefined => {
      const c = cells[i];
      if (c('partner_id')) return c('partner_id');
      const ref = c('partner_id/.id') || c('partner_id/id');
      if (!ref) return undefined;
      const key = /^\d+$/.test(ref) ? Number(ref) : keyByExternalId('res_partner', ref, partners);
      return key === undefined ? undefined : partners?.nameOf.get(key);
    };
    return displayNames(sourceTable, cells, parentOf, partnerName);
  }

  private async parseFile(table: RawTableSpec): Promise<ParsedFile | null> {
    const file = await this.csvFor(table.sourceTable);
    if (!file) return null;
    const { path, header, body } = file;
    let targets: HeaderTarget[];
    try {
      targets = planHeaders(table, header, (t) => !!odooSpec(t));
    } catch (error) {
      throw new Error(`${path}: line 1: ${(error as Error).message}`);
    }
    const keyed = 'id' in table.columns;
    if (keyed && !header.includes('.id') && !header.includes('id')) {
      throw new Error(`${path}: line 1: no ".id" or "id" column, so no row has a key`);
    }
    const resolver = await this.resolverFor(table, targets, file);
    const rows: Row[] = [];
    const relations = new Map<string, Row[]>(
      targets.flatMap((t) => (t.kind === 'relation' ? [[t.relation.table, []]] : [])),
    );
    const lineOfKey = new Map<string, number>();
    for (const { record, line } of body) {
      const mapped = mapRecord(table, targets, record, { language: this.language, resolver });
      markProblems(mapped.row, mapped.problems);
      const key = table.primaryKey.every(
        (c) => mapped.row[c] !== null && mapped.row[c] !== undefined,
      )
        ? keyOf(mapped.row, table.primaryKey)
        : undefined;
      if (key !== undefined) {
        const earlier = lineOfKey.get(key);
        // PostgreSQL would refuse the batch; a key appears once in a real Odoo table.
        if (earlier !== undefined && keyed) {
          throw new Error(`${path}: line ${line}: id ${key} already appears on line ${earlier}`);
        }
        lineOfKey.set(key, line);
      }
      rows.push(mapped.row);
      for (const [relationTable, relationRows] of Object.entries(mapped.relations)) {
        relations.get(relationTable)?.push(...relationRows);
      }
    }
    const present = new Set(
      targets.flatMap((t) =>
        t.kind === 'column' || t.kind === 'reference'
          ? [t.column]
          : t.kind === 'own-id'
            ? ['id']
            : [],
      ),
    );
    return { rows: keyed ? rows : dedupe(rows, table.primaryKey), present, relations };
  }

  /**
   * Resolution of a file's External ID and name cells: the indexes of the models they
   * point at, and registry keys for the External IDs no file of the directory defines.
   */
  private async resolverFor(
    table: RawTableSpec,
    targets: HeaderTarget[],
    file: CsvFile,
  ): Promise<CellResolver> {
    const indexes = new Map<string, ModelIndex | null>();
    const external = new Map<string, Set<string>>(); // target → its External IDs in the file
    if ('id' in table.columns)
      indexes.set(table.sourceTable, await this.indexFor(table.sourceTable));
    for (const [i, target] of targets.entries()) {
      const byIds = target.kind === 'relation' && target.form === 'ids';
      if ((target.kind !== 'reference' && target.kind !== 'relation') || byIds) continue;
      const model = target.kind === 'reference' ? target.target : target.relation.target;
      if (!indexes.has(model)) indexes.set(model, await this.indexFor(model));
      if (target.form !== 'external') continue;
      const ids = external.get(model) ?? new Set<string>();
      const column = file.body.map(({ record }) => record[i] ?? '');
      const values = target.kind === 'relation' ? column.flatMap((c) => c.split(',')) : column;
      for (const id of values) if (id.trim()) ids.add(id.trim());
      external.set(model, ids);
    }
    const registered = new Map<string, Map<string, number>>();
    for (const [model, ids] of external) {
      const index = indexes.get(model) ?? null;
      const unknown = [...ids].filter((id) => keyByExternalId(model, id, index) === undefined);
      registered.set(model, await this.keys.keysFor(model, unknown));
    }
    return {
      external: (model, id) => {
        const key =
          keyByExternalId(model, id, indexes.get(model) ?? null) ?? registered.get(model)?.get(id);
        if (key === undefined) throw new Error(`${file.path}: ${model} ${id} has no key`);
        return key;
      },
      named: (model, name) => keyByName(model.replace(/_/g, '.'), name, indexes.get(model) ?? null),
    };
  }
}

/** The RAW spec of an Odoo source table, if RAW has one. */
function odooSpec(sourceTable: string): RawTableSpec | undefined {
  return Object.values(RAW_TABLES).find(
    (t) => t.source === 'odoo' && t.sourceTable === sourceTable,
  );
}

function dedupe(rows: Row[], key: string[]): Row[] {
  return [...new Map(rows.map((row) => [keyOf(row, key), row])).values()];
}

function sortedRows(loaded: LoadedTable, order: string[]): Row[] {
  const cacheKey = order.join(',');
  let rows = loaded.sorted.get(cacheKey);
  if (!rows) {
    rows = [...loaded.rows].sort((a, b) =>
      compareOrderValues(
        order.map((c) => a[c]),
        order.map((c) => b[c]),
      ),
    );
    loaded.sorted.set(cacheKey, rows);
  }
  return rows;
}

/** The engine's cursor is positional over the requested order; pick it by column name. */
function alignCursor(requested: string[], after: CursorValues, order: string[]): unknown[] {
  return order.map((column) => after[requested.indexOf(column)]);
}

/** Index of the first row for which `past` holds (rows are sorted, so it holds after). */
function firstIndex(rows: Row[], past: (row: Row) => boolean): number {
  let [low, high] = [0, rows.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (past(rows[mid])) high = mid;
    else low = mid + 1;
  }
  return low;
}
