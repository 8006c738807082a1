import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainException } from '@revops/core';
import { RawTableSpec } from '../raw/raw-table-spec';
import {
  ApnRow,
  ApnRows,
  apnRowsFromOpportunities,
  isLegacyS3Document,
  legacyS3ToGetOpportunity,
  pageOfSortedRows,
  sortRows,
  toApiJson,
} from './apn-rows';
import { keyOf, PageRequest, SourceConnector } from './source-connector';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Id and Catalog are the two members every GetOpportunity response has. */
const isGetOpportunityResponse = (value: unknown): value is Json =>
  isObject(value) && ('Id' in value || 'Catalog' in value);

/**
 * The opportunities of one export file: a GetOpportunity response, an array of them, or a
 * legacy ACE S3 outbound document. A file of another shape fails the run (it is not an
 * export); one broken opportunity inside a good file is still a row, quarantined later.
 */
export function opportunitiesOfFile(name: string, text: string): Json[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainException('invalid_input', `${name}: not valid JSON (${reason})`);
  }
  if (Array.isArray(document)) {
    return document.map((item) =>
      isObject(item) ? (toApiJson(item) as Json) : { InvalidEntry: item },
    );
  }
  if (isLegacyS3Document(document)) {
    return document.opportunities.map((legacy) => legacyS3ToGetOpportunity(legacy));
  }
  if (isGetOpportunityResponse(document)) return [toApiJson(document) as Json];
  throw new DomainException(
    'invalid_input',
    `${name}: neither a GetOpportunity response, an array of them, nor a legacy ACE S3 outbound document`,
  );
}

/**
 * APN from a directory of ACE JSON exports (`*.json`, not recursive). Exports are small,
 * so every row is held in memory and served in the order the engine asks for; ListSolutions
 * is not part of an export, so `apn_solution` is reported missing.
 */
export class AceJsonFilesConnector implements SourceConnector {
  readonly source = 'apn' as const;
  readonly description: string;
  private rows?: Promise<ApnRows>;
  private readonly sorted = new Map<string, ApnRow[]>();

  constructor(private readonly directory: string) {
    this.description = `ace-json-files ${directory}`;
  }

  /** A legacy S3 export's fields without a GetOpportunity counterpart: kept on purpose. */
  understandsExtra(_table: RawTableSpec, field: string): boolean {
    return field === 'LegacyS3Fields';
  }

  async availableTables(tables: RawTableSpec[]): Promise<RawTableSpec[]> {
    const rows = await this.load();
    return tables.filter(
      (table) => table.source === 'apn' && table.table in rows && table.table !== 'apn_solution',
    );
  }

  async readPage(table: RawTableSpec, page: PageRequest): Promise<Record<string, unknown>[]> {
    const cacheKey = `${table.table}|${page.order.join(',')}`;
    let sorted = this.sorted.get(cacheKey);
    if (!sorted) {
      sorted = sortRows(await this.tableRows(table), table, page.order);
      this.sorted.set(cacheKey, sorted);
    }
    return pageOfSortedRows(sorted, table, page);
  }

  async readKeys(table: RawTableSpec): Promise<string[]> {
    return (await this.tableRows(table)).map((row) => keyOf(row, table.primaryKey));
  }

  async close(): Promise<void> {
    this.rows = undefined;
    this.sorted.clear();
  }

  private async tableRows(table: RawTableSpec): Promise<ApnRow[]> {
    const rows = await this.load();
    return (rows as Record<string, ApnRow[]>)[table.table] ?? [];
  }

  private load(): Promise<ApnRows> {
    this.rows ??= this.readDirectory().catch((error: unknown) => {
      this.rows = undefined;
      throw error;
    });
    return this.rows;
  }

  private async readDirectory(): Promise<ApnRows> {
    let names: string[];
    try {
      names = (await readdir(this.directory)).filter((name) => name.endsWith('.json')).sort();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DomainException('not_found', `ACE export directory unreadable: ${reason}`);
    }
    const opportunities: Json[] = [];
    // Sorted by name, so where exports overlap the later file wins a LastModifiedDate tie.
    for (const name of names) {
      const text = await readFile(join(this.directory, name), 'utf8');
      opportunities.push(...opportunitiesOfFile(join(this.directory, name), text));
    }
    return apnRowsFromOpportunities(opportunities);
  }
}
