// The generator behind 06_generate_sample_sources.ts, also used by the demo (export files
// only) and by the integration tests' source databases.
import { Client } from 'pg';
import { readDiscoveryDir } from '@revops/ingestion/schema/discovery-files';
import { ApnResult, writeApnSource } from './sample-sources-apn';
import { DealLayout } from './sample-sources-deals';
import { writeOdooSource } from './sample-sources-odoo';
import { salesUsers } from './sample-sources-odoo-reference';
import { writePlantedDefects } from './sample-sources-defects';
import { ProgressOut, removeOldExports, WrittenFile } from './sample-sources-sinks';

export interface SampleSourcesOptions {
  /** Database for the two source schemas; null: export files and ground truth only. */
  client: Client | null;
  odooSchema: string;
  apnSchema: string;
  /** crm_lead rows. */
  odoo: number;
  /** ACE opportunities. */
  ace: number;
  /** Deals in both; defaultShared() when unsure. */
  shared: number;
  seed: number;
  /** Export files and ground_truth.csv go here; earlier ones are deleted first. */
  out: string;
  /** Progress lines (null: quiet). */
  log: ProgressOut | null;
}

export interface SampleSourcesResult {
  odoo: { counts: Record<string, number>; files: WrittenFile[] };
  apn: ApnResult;
  /** planted_defects.csv: each data-quality problem planted, and the rule that reports it. */
  defects: WrittenFile;
  odooSeconds: number;
  apnSeconds: number;
}

/** 40% of the smaller side: enough pairs to measure matching, enough singles to confuse it. */
export const defaultShared = (odoo: number, ace: number): number =>
  Math.round(Math.min(odoo, ace) * 0.4);

export async function generateSampleSources(
  options: SampleSourcesOptions,
): Promise<SampleSourcesResult> {
  const { client, out, log, seed } = options;
  const started = Date.now();
  const tables = readDiscoveryDir();
  const layout = new DealLayout({
    seed,
    odoo: options.odoo,
    ace: options.ace,
    shared: options.shared,
  });
  const users = salesUsers(seed, options.odoo);
  removeOldExports(out);
  const odoo = await writeOdooSource(
    { client, schema: options.odooSchema, outDir: out, log },
    tables.filter((t) => t.source === 'odoo'),
    layout,
    users,
  );
  const odooSeconds = (Date.now() - started) / 1000;
  const apn = await writeApnSource(
    { client, schema: options.apnSchema, outDir: out, log },
    tables.filter((t) => t.source === 'apn'),
    layout,
    users,
  );
  const defects = writePlantedDefects(out, [...odoo.planted, ...apn.planted]);
  return {
    odoo,
    apn,
    defects,
    odooSeconds,
    apnSeconds: (Date.now() - started) / 1000 - odooSeconds,
  };
}
