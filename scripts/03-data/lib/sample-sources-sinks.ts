// Where 06_generate_sample_sources.ts puts rows: source tables (chunked multi-row INSERTs),
// Odoo import-compatible CSV exports, ACE JSON files, and progress lines. Everything streams:
// no sink holds more than one chunk.
import * as fs from 'fs';
import * as path from 'path';
import { Client, QueryResult } from 'pg';
import {
  DiscoveredColumn,
  DiscoveredTable,
  sourceTableDdl,
} from '@revops/ingestion/schema/discovery';

export type Row = Record<string, unknown>;
export const INSERT_ROWS = 5000;
const MAX_IN_FLIGHT = 2; // statements queued on the connection while the next chunk is built
const FLUSH_BYTES = 1 << 20;

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

async function recreateSchema(client: Client, schema: string, tables: DiscoveredTable[]) {
  await client.query(`DROP SCHEMA IF EXISTS ${quote(schema)} CASCADE`);
  await client.query(`CREATE SCHEMA ${quote(schema)}`);
  for (const table of tables) await client.query(sourceTableDdl(table, schema));
}

// Where a generated source goes: a schema on a database (null: export files only), export
// files under outDir, and progress lines to log (null: none).
export interface SourceTarget {
  client: Client | null;
  schema: string;
  outDir: string;
  log: ProgressOut | null;
}

// A whole source: its schema recreated and filled in one transaction, so it commits
// together or not at all. Without a database (export files only) just the work.
export async function inSourceSchema<T>(
  client: Client | null,
  schema: string,
  tables: DiscoveredTable[],
  work: (queue: QueryQueue | null) => Promise<T>,
): Promise<T> {
  if (!client) return work(null);
  return inTransaction(client, async () => {
    await recreateSchema(client, schema, tables);
    return work(new QueryQueue(client));
  });
}

async function inTransaction<T>(client: Client, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

// pg wants one query at a time per connection; this queue lets several table writers keep
// statements waiting while the next chunk is built, in the order they were sent.
export class QueryQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly client: Client) {}

  send(sql: string, params: unknown[]): Promise<QueryResult> {
    const next = this.tail.then(
      () => this.client.query(sql, params),
      () => this.client.query(sql, params),
    );
    this.tail = next.catch(() => undefined);
    return next;
  }
}

// Where a source table's rows go: its table in the database, or (export files only) a count.
export interface TableSink {
  readonly table: DiscoveredTable;
  add(row: Row): Promise<void>;
  /** Rows the table holds: duplicates skipped where the writer skips them. */
  close(): Promise<number>;
}

export function tableSink(
  queue: QueryQueue | null,
  schema: string,
  table: DiscoveredTable,
  skipDuplicates = false,
): TableSink {
  return queue ? new TableWriter(queue, schema, table, skipDuplicates) : new RowCounter(table);
}

class RowCounter implements TableSink {
  private readonly keys = new Set<string>();

  constructor(readonly table: DiscoveredTable) {}

  async add(row: Row): Promise<void> {
    this.keys.add(this.table.primaryKey.map((column) => String(row[column])).join(':'));
  }

  async close(): Promise<number> {
    return this.keys.size;
  }
}

// One INSERT … SELECT FROM jsonb_populate_recordset per INSERT_ROWS rows: a single bind
// parameter whatever the width, and keys missing from a row become NULL.
class TableWriter implements TableSink {
  private buffer: Row[] = [];
  private readonly pending: Promise<QueryResult>[] = [];
  private readonly sql: string;
  inserted = 0;

  constructor(
    private readonly queue: QueryQueue,
    schema: string,
    readonly table: DiscoveredTable,
    skipDuplicates = false,
  ) {
    const target = `${quote(schema)}.${quote(table.table)}`;
    const conflict = skipDuplicates ? ' ON CONFLICT DO NOTHING' : '';
    this.sql = `INSERT INTO ${target} SELECT * FROM jsonb_populate_recordset(NULL::${target}, $1::jsonb)${conflict}`;
  }

  async add(row: Row): Promise<void> {
    this.buffer.push(row);
    if (this.buffer.length >= INSERT_ROWS) await this.flush();
  }

  async close(): Promise<number> {
    await this.flush();
    while (this.pending.length) await this.settle();
    return this.inserted;
  }

  private async flush(): Promise<void> {
    if (!this.buffer.length) return;
    const query = this.queue.send(this.sql, [JSON.stringify(this.buffer)]);
    query.catch(() => undefined); // awaited in settle(); this only stops an early report
    this.pending.push(query);
    this.buffer = [];
    while (this.pending.length > MAX_IN_FLIGHT) await this.settle();
  }

  private async settle(): Promise<void> {
    const result = await this.pending.shift();
    this.inserted += result?.rowCount ?? 0;
  }
}

// ---------- files

export interface WrittenFile {
  file: string;
  rows: number;
  bytes: number;
}

class BufferedFile {
  private readonly fd: number;
  private chunks: string[] = [];
  private size = 0;
  bytes = 0;

  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'w');
  }

  write(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_BYTES) this.flush();
  }

  close(): number {
    this.flush();
    fs.closeSync(this.fd);
    return this.bytes;
  }

  private flush(): void {
    const data = Buffer.from(this.chunks.join(''), 'utf8');
    fs.writeSync(this.fd, data);
    this.bytes += data.length;
    [this.chunks, this.size] = [[], 0];
  }
}

function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: string[]): string {
  return `${values.map(csvCell).join(',')}\n`;
}

// As Odoo's "import-compatible" export prints a value: booleans True/False, a translatable
// field as its en_US text, empty for NULL.
function odooCsvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'object' && value !== null && 'en_US' in value) {
    return String((value as { en_US: unknown }).en_US);
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

// `.id` for the database id, `<field>/.id` for a many2one, the technical name otherwise.
const exportName = (c: DiscoveredColumn) =>
  c.name === 'id' ? '.id' : c.references ? `${c.name}/.id` : c.name;

// One model as Odoo exports it: odoo/crm.lead.csv for crm_lead.
export class OdooCsvExport {
  private readonly out: BufferedFile;
  private readonly columns: string[];
  rows = 0;

  constructor(dir: string, table: DiscoveredTable, extraHeaders: string[] = []) {
    this.out = new BufferedFile(path.join(dir, 'odoo', `${table.table.replace(/_/g, '.')}.csv`));
    this.columns = table.columns.map((c) => c.name);
    this.out.write(csvLine([...table.columns.map(exportName), ...extraHeaders]));
  }

  write(row: Row, extraValues: string[] = []): void {
    this.out.write(csvLine([...this.columns.map((c) => odooCsvValue(row[c])), ...extraValues]));
    this.rows++;
  }

  close(outDir: string): WrittenFile {
    const bytes = this.out.close();
    return { file: path.relative(outDir, this.out.file), rows: this.rows, bytes };
  }
}

// A JSON array per `perFile` values: ace/opportunities-001.json, -002, …
export class JsonArrayFiles {
  private current: BufferedFile | null = null;
  private inCurrent = 0;
  private readonly written: WrittenFile[] = [];

  constructor(
    private readonly outDir: string,
    private readonly prefix: string,
    private readonly perFile: number,
  ) {}

  add(value: unknown): void {
    if (!this.current) {
      const number = String(this.written.length + 1).padStart(3, '0');
      this.current = new BufferedFile(path.join(this.outDir, `${this.prefix}-${number}.json`));
      this.current.write('[\n');
    }
    this.current.write(`${this.inCurrent ? ',\n' : ''}${JSON.stringify(value)}`);
    if (++this.inCurrent === this.perFile) this.closeCurrent();
  }

  close(): WrittenFile[] {
    this.closeCurrent();
    return this.written;
  }

  private closeCurrent(): void {
    if (!this.current) return;
    this.current.write('\n]\n');
    const bytes = this.current.close();
    const file = path.relative(this.outDir, this.current.file);
    this.written.push({ file, rows: this.inCurrent, bytes });
    [this.current, this.inCurrent] = [null, 0];
  }
}

export class CsvFile {
  private readonly out: BufferedFile;
  rows = 0;

  constructor(
    private readonly outDir: string,
    file: string,
    header: string[],
  ) {
    this.out = new BufferedFile(path.join(outDir, file));
    this.out.write(csvLine(header));
  }

  write(values: string[]): void {
    this.out.write(csvLine(values));
    this.rows++;
  }

  close(): WrittenFile {
    const bytes = this.out.close();
    return { file: path.relative(this.outDir, this.out.file), rows: this.rows, bytes };
  }
}

// Files from an earlier run that this run may not overwrite (fewer ACE chunks, say).
export function removeOldExports(outDir: string): void {
  const stale = (dir: string, pattern: RegExp) =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => pattern.test(f))
          .map((f) => path.join(dir, f))
      : [];
  const files = [
    ...stale(path.join(outDir, 'odoo'), /\.csv$/),
    ...stale(path.join(outDir, 'ace'), /^opportunities-\d+\.json$/),
    ...stale(outDir, /^(ground_truth|planted_defects)\.csv$/),
  ];
  for (const file of files) fs.unlinkSync(file);
}

// ---------- progress

// One line a second per table (redrawn in place on a terminal), with the rate so far.
export type ProgressOut = Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;

export class Progress {
  private readonly startedMs = Date.now();
  private shownMs = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly out: ProgressOut | null,
  ) {}

  tick(done: number): void {
    if (!this.out) return;
    const now = Date.now();
    const finished = done >= this.total;
    if (!finished && now - this.shownMs < 1000) return;
    this.shownMs = now;
    const rate = Math.round(done / Math.max(0.001, (now - this.startedMs) / 1000));
    const line = `  ${this.label.padEnd(36)} ${done.toLocaleString('en-US').padStart(9)}/${this.total.toLocaleString('en-US')}  ${rate.toLocaleString('en-US')} rows/s`;
    if (this.out.isTTY) this.out.write(`\r${line}${finished ? '\n' : ''}`);
    else this.out.write(`${line}\n`);
  }
}
