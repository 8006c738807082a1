import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiscoveredTable } from './discovery';

export const DISCOVERY_DIR = 'data/schemas/discovery';

/** Every table description under `dir`/{odoo,apn}, sorted by source then table. */
export function readDiscoveryDir(dir = DISCOVERY_DIR): DiscoveredTable[] {
  return ['odoo', 'apn'].flatMap((source) =>
    readdirSync(join(dir, source))
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => JSON.parse(readFileSync(join(dir, source, file), 'utf8')) as DiscoveredTable),
  );
}

export function writeDiscoveryFile(table: DiscoveredTable, dir = DISCOVERY_DIR): string {
  const path = join(dir, table.source, `${table.table}.json`);
  writeFileSync(path, `${JSON.stringify(table, null, 2)}\n`);
  return path;
}
