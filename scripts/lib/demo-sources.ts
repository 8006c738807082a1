import { join } from 'node:path';
import { defaultShared, generateSampleSources } from '../03-data/lib/sample-sources';

/** The demo's sources: small enough to embed in seconds, with pairs to match. */
export const DEMO_SOURCES = { odoo: 200, ace: 150, shared: defaultShared(200, 150), seed: 42 };

/**
 * Generates the demo's Odoo and ACE sources as export files in `dir` (deterministic: a
 * second run writes the same files) and points the CSV and ACE JSON connectors at them,
 * whatever connectors .env names. Call before the application reads its configuration.
 * Returns the number of files written.
 */
export async function useDemoSources(dir: string): Promise<number> {
  const { odoo, apn } = await generateSampleSources({
    ...DEMO_SOURCES,
    client: null,
    odooSchema: 'odoo_src',
    apnSchema: 'apn_src',
    out: dir,
    log: null,
  });
  Object.assign(process.env, {
    ODOO_CONNECTOR: 'csv',
    ODOO_CSV_DIR: join(dir, 'odoo'),
    APN_CONNECTOR: 'files',
    APN_FILES_DIR: join(dir, 'ace'),
  });
  return odoo.files.length + apn.files.length;
}
