import { parse } from 'csv-parse/sync';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RAW_TABLES, RawTableSpec } from '../raw/raw-table-spec';
import { CursorValues } from '../sync/cursor';
import {
  compareOrderValues,
  effectiveOrder,
  HeaderTarget,
  MANY2MANY_RELATIONS,
  mapRecord,
  planHeaders,
} from './odoo-csv.mapping';
import { keyOf, PageRequest, SourceConnector } from './source-connector';

type Row = Record<string, unknown>;

interface CsvRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

interface LoadedTable {
  rows: Row[];
  /** Columns the file has (after header mapping): what the rows can be ordered by. */
  present: Set<string>;
  sorted: Map<string, Row[]>;
}

interface ParsedFile {
  rows: Row[];
  present: Set<string>;
  /** Rows of the relation tables the file's many2many `/.id` columns fill, by source table. */
  relations: Map<string, Row[]>;
}

/**
 * Odoo read from a directory of import-compatible export files, one per model:
 * `crm.lead.csv` or `crm_lead.csv`. Header rules: odoo-csv.mapping.ts. crm_tag_rel comes
 * from the `tag_ids/.id` column of the crm.lead file (or a `crm_tag_rel.csv` of its own).
 * Files are parsed once per connector; a file that cannot be read throws, naming the
 * file and line, and fails the sync: no partial table is loaded from a broken file.
 */
export class OdooCsvConnector implements SourceConnector {
  readonly source = 'odoo' as const;
  readonly description: string;
  private files?: Promise<Map<string, string>>;
  private readonly parsed = new Map<string, Promise<ParsedFile | null>>();
  private readonly tables = new Map<string, Promise<LoadedTable | null>>();

  /** `language`: the exporting user's language, the key a translatable name is kept under. */
  constructor(
    private readonly dir: string,
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

  async close(): Promise<void> {
    this.files = undefined;
    this.parsed.clear();
    this.tables.clear();
  }

  /** The table's rows, or null when the directory has nothing for it. */
  private load(table: RawTableSpec): Promise<LoadedTable | null> {
    let loading = this.tables.get(table.table);
    if (!loading) {
      loading = this.loadTable(table);
      this.tables.set(table.table, loading);
    }
    return loading;
  }

  private async loadTable(table: RawTableSpec): Promise<LoadedTable | null> {
    const own = await this.parseFor(table);
    const derived: ParsedFile[] = [];
    for (const [owner, relations] of Object.entries(MANY2MANY_RELATIONS)) {
      if (!relations.some((r) => r.table === table.sourceTable)) continue;
      const spec = ownerSpec(owner, table);
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
  private async parseFor(table: RawTableSpec): Promise<ParsedFile | null> {
    const file = (await this.fileNames()).get(table.sourceTable);
    if (!file) return null;
    let parsing = this.parsed.get(file);
    if (!parsing) {
      parsing = this.parseFile(table, file);
      this.parsed.set(file, parsing);
    }
    return parsing;
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

  private async parseFile(table: RawTableSpec, name: string): Promise<ParsedFile> {
    const path = join(this.dir, name);
    const text = await readFile(path, 'utf8');
    let records: CsvRecord[];
    try {
      // With `info` and `raw`, csv-parse returns objects its typings do not describe.
      records = parse(text, {
        bom: true,
        info: true,
        raw: true,
        skip_empty_lines: true,
      }) as unknown as CsvRecord[];
    } catch (error) {
      const line = (error as { lines?: number }).lines;
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${path}: line ${line ?? '?'}: cannot parse CSV: ${message}`);
    }
    if (records.length === 0) throw new Error(`${path}: line 1: no header`);
    const [header, ...body] = records;
    let targets: HeaderTarget[];
    try {
      targets = planHeaders(table, header.record);
    } catch (error) {
      throw new Error(`${path}: line 1: ${(error as Error).message}`);
    }
    const keyed = 'id' in table.columns;
    if (keyed && !header.record.includes('.id') && !header.record.includes('id')) {
      throw new Error(`${path}: line 1: no ".id" or "id" column, so no row has a key`);
    }
    const rows: Row[] = [];
    const relations = new Map<string, Row[]>(
      targets.flatMap((t) => (t.kind === 'relation' ? [[t.relation.table, []]] : [])),
    );
    const lineOfKey = new Map<string, number>();
    for (const { record, raw, info } of body) {
      const line = startLine(raw, info.lines);
      const mapped = mapRecord(table, targets, record, this.language);
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
        t.kind === 'column' ? [t.column] : t.kind === 'id-or-external' ? ['id'] : [],
      ),
    );
    return { rows: keyed ? rows : dedupe(rows, table.primaryKey), present, relations };
  }
}

/** The RAW spec of the table owning a many2many field (crm_lead for crm_tag_rel). */
function ownerSpec(sourceTable: string, relation: RawTableSpec): RawTableSpec | undefined {
  return Object.values(RAW_TABLES).find(
    (t) => t.source === relation.source && t.sourceTable === sourceTable,
  );
}

function dedupe(rows: Row[], key: string[]): Row[] {
  return [...new Map(rows.map((row) => [keyOf(row, key), row])).values()];
}

/** Where a record starts: csv-parse reports the line it ends on. */
function startLine(raw: string, endLine: number): number {
  const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
  return endLine - (body.match(/\n/g)?.length ?? 0);
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
