import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { Cells } from './odoo-csv.references';

interface CsvRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** An export file read: its header and its records with the line each starts on. */
export interface CsvFile {
  path: string;
  header: string[];
  body: { record: string[]; line: number }[];
  /** The cells of body record `i`, by header. */
  cells: Cells[];
}

/** Reads one export file; throws naming the file and line when it is not CSV. */
export async function readCsv(path: string): Promise<CsvFile> {
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
  const [{ record: header }, ...rest] = records;
  const column = new Map(header.map((name, i) => [name, i]));
  const body = rest.map(({ record, raw, info }) => ({ record, line: startLine(raw, info.lines) }));
  const cells = body.map(({ record }): Cells => (name) => {
    const i = column.get(name);
    return i === undefined ? undefined : record[i];
  });
  return { path, header, body, cells };
}

/** Where a record starts: csv-parse reports the line it ends on. */
function startLine(raw: string, endLine: number): number {
  const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
  return endLine - (body.match(/\n/g)?.length ?? 0);
}

/** A promise from `map`, made by `make` the first time `key` is asked for. */
export function cached<T>(
  map: Map<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  let promise = map.get(key);
  if (!promise) {
    promise = make();
    map.set(key, promise);
  }
  return promise;
}
