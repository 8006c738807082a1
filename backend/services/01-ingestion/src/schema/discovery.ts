/** One source table as described in data/schemas/discovery/<source>/<table>.json. */
export interface DiscoveredColumn {
  name: string;
  /** PostgreSQL type as information_schema reports it; arrays as `text[]`. */
  type: string;
  nullable: boolean;
  references?: string | null;
  /** The source no longer has it; RAW keeps the column and what it holds. */
  removedFromSource?: boolean;
}

export interface DiscoveredTable {
  source: 'odoo' | 'apn';
  table: string;
  primaryKey: string[];
  /** Incremental-sync order: a modification timestamp, then the key. Null: full loads only. */
  cursor: string[] | null;
  columns: DiscoveredColumn[];
}

/** raw.odoo_crm_lead for Odoo's crm_lead; APN tables already carry their prefix. */
export function rawTableName(table: Pick<DiscoveredTable, 'source' | 'table'>): string {
  return table.table.startsWith(`${table.source}_`)
    ? table.table
    : `${table.source}_${table.table}`;
}

export interface SchemaDrift {
  added: DiscoveredColumn[];
  removed: DiscoveredColumn[];
  retyped: { name: string; from: string; to: string }[];
}

/** What changed between the stored description of a table and what a live source shows. */
export function schemaDrift(stored: DiscoveredColumn[], live: DiscoveredColumn[]): SchemaDrift {
  const before = new Map(stored.map((c) => [c.name, c]));
  const after = new Map(live.map((c) => [c.name, c]));
  return {
    added: live.filter((c) => !before.has(c.name)),
    removed: stored.filter((c) => !after.has(c.name) && !c.removedFromSource),
    retyped: live
      .filter((c) => before.has(c.name) && before.get(c.name)?.type !== c.type)
      .map((c) => ({ name: c.name, from: before.get(c.name)?.type ?? '', to: c.type })),
  };
}

/** information_schema reports arrays as ARRAY with udt_name `_text`; we write `text[]`. */
export function columnTypeFromCatalog(dataType: string, udtName: string): string {
  return dataType === 'ARRAY'
    ? `${udtName.replace(/^_/, '')}[]`.replace(/^varchar\[\]$/, 'text[]')
    : dataType;
}

/**
 * The stored description updated to what the source shows now: live columns in live
 * order, keeping what we know about each (references, source-specific notes), then the
 * columns the source dropped, marked as such so RAW keeps them.
 */
export function mergeDiscovery(
  stored: DiscoveredTable,
  live: { columns: DiscoveredColumn[]; primaryKey: string[] },
): DiscoveredTable {
  const before = new Map(stored.columns.map((c) => [c.name, c]));
  return {
    ...stored,
    primaryKey: live.primaryKey.length ? live.primaryKey : stored.primaryKey,
    columns: [
      ...live.columns.map((column) => {
        const merged: DiscoveredColumn = { ...before.get(column.name), ...column };
        delete merged.removedFromSource;
        return merged;
      }),
      ...stored.columns
        .filter((c) => !live.columns.some((l) => l.name === c.name))
        .map((c) => ({ ...c, removedFromSource: true })),
    ],
  };
}

/** CREATE TABLE for a source-side table as discovered: for test and sample source databases. */
export function sourceTableDdl(table: DiscoveredTable, schema: string): string {
  const columns = table.columns.map(
    (c) => `  "${c.name}" ${c.type}${c.nullable ? '' : ' NOT NULL'}`,
  );
  const key = `  PRIMARY KEY (${table.primaryKey.map((k) => `"${k}"`).join(', ')})`;
  return `CREATE TABLE "${schema}"."${table.table}" (\n${[...columns, key].join(',\n')}\n)`;
}
