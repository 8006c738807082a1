// Generates realistic Odoo and APN (AWS Partner Central) source databases on a PostgreSQL URL,
// their export files, and the ground truth of which deals are in both. Deterministic: every row
// comes from a PRNG stream keyed by (seed, row), and dates count from a fixed "today".
import { Client } from 'pg';
import { describeUrl } from '@revops/core';
import { fail, parseArgs, runScript } from '../lib/cli';
import { printTable } from '../lib/console-progress';
import { defaultShared, generateSampleSources, SampleSourcesOptions } from './lib/sample-sources';
import { WrittenFile } from './lib/sample-sources-sinks';

const MAX_ROWS = 1_000_000;
// Schemas the platform itself uses: never dropped, whatever the options say.
const PROTECTED_SCHEMAS = new Set(['public', 'raw', 'core', 'ops', 'information_schema']);
const OPTIONS = ['url', 'odoo-schema', 'apn-schema', 'odoo', 'ace', 'shared', 'seed', 'out'];

const USAGE = `
Usage: npm run ts -- scripts/03-data/06_generate_sample_sources.ts [--url postgres://…] [options]

Creates an Odoo CRM source (the 17 tables of data/schemas/discovery/odoo: company, currencies,
countries and states, partners and contacts, users and teams, stages, tags, lost reasons, UTM,
leads) and an APN source (the 6 apn_* tables) in two schemas of one database, filled with
seeded, realistic data. A known set of deals is in both, typed differently on each side
(legal suffixes, typos, other titles, monthly spend vs total, moved close dates, missing
fields, national-security redaction), next to hard negatives (the same customer with another
deal, look-alike company names). Also writes, under --out:
  odoo/<model>.csv             Odoo import-compatible export (.id, <many2one>/.id, tag_ids/.id)
  ace/opportunities-NNN.json   arrays of GetOpportunity responses, 10,000 per file
  ground_truth.csv             odoo_id,ace_id,kind (kind: match | hard_negative)
  planted_defects.csv          source,id,defect,rule_id: the data-quality problems planted
                               on purpose (one record in 100) and the validation rule that
                               reports each
Earlier files of those names in --out are deleted first. Keep --out out of git.

Without --url only the files are written (what the demo does, for the CSV and ACE JSON
connectors). With it, THE TWO SCHEMAS ARE DROPPED (CASCADE) AND RECREATED. Each source is written in one
transaction, so a failed run never leaves a half-filled schema (its files may be partial).

Options:
  --url URL          PostgreSQL database the script may write (none: files only)
  --odoo-schema S    schema for the Odoo tables        (default odoo_src)
  --apn-schema S     schema for the APN tables         (default apn_src)
  --odoo N           Odoo crm_lead rows, 1..1000000    (default 2000)
  --ace N            ACE opportunities, 1..1000000     (default 1500)
  --shared N         deals in both, <= --odoo, --ace   (default 40% of the smaller)
  --seed N           PRNG seed, 0..4294967295          (default 42)
  --out DIR          export files and ground truth     (default data/generated)
  --help             this text

Example:
  npm run ts -- scripts/03-data/06_generate_sample_sources.ts \\
    --url postgres://postgres@127.0.0.1:5432/revops_sources --odoo 100000 --ace 75000
`;

type Options = Omit<SampleSourcesOptions, 'client' | 'log'> & { url?: string };

function count(
  args: Map<string, string>,
  name: string,
  fallback: number,
  min: number,
  max: number,
) {
  const value = args.get(name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    fail(`--${name} must be an integer from ${min} to ${max}, got "${value}"`, USAGE);
  }
  return n;
}

function schemaName(args: Map<string, string>, name: string, fallback: string): string {
  const value = args.get(name) ?? fallback;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(value) || value.startsWith('pg_')) {
    fail(`--${name} must be a lower-case SQL identifier, got "${value}"`, USAGE);
  }
  if (PROTECTED_SCHEMAS.has(value)) fail(`--${name} ${value}: refusing to drop that schema`);
  return value;
}

function parseOptions(argv: string[]): Options {
  const args = parseArgs(argv, USAGE);
  const unknown = [...args.keys()].filter((name) => !OPTIONS.includes(name));
  if (unknown.length) fail(`unknown option --${unknown[0]}`, USAGE);
  const url = args.get('url');
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url)) {
    fail(`--url must be a postgres://… URL, got "${url}"`, USAGE);
  }
  const odoo = count(args, 'odoo', 2000, 1, MAX_ROWS);
  const ace = count(args, 'ace', 1500, 1, MAX_ROWS);
  const smaller = Math.min(odoo, ace);
  const shared = count(args, 'shared', defaultShared(odoo, ace), 0, smaller);
  const odooSchema = schemaName(args, 'odoo-schema', 'odoo_src');
  const apnSchema = schemaName(args, 'apn-schema', 'apn_src');
  if (odooSchema === apnSchema) fail('--odoo-schema and --apn-schema must differ', USAGE);
  const out = args.get('out') ?? 'data/generated';
  if (out === 'true') fail('--out needs a directory', USAGE);
  const seed = count(args, 'seed', 42, 0, 0xffffffff);
  return { url, odooSchema, apnSchema, odoo, ace, shared, seed, out };
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'revops-sample-sources' });
  client.on('error', (error) => console.error(`error: database connection: ${error.message}`));
  try {
    await client.connect();
  } catch (error) {
    fail(`cannot connect to ${describeUrl(url)}: ${(error as Error).message}`);
  }
  // Generated data can be regenerated: no need to wait for each commit's WAL flush.
  await client.query('SET synchronous_commit = off');
  return client;
}

function fileGroups(files: WrittenFile[]) {
  const groups = new Map<string, WrittenFile[]>();
  for (const f of files) {
    const group = f.file
      .replace(/-\d+\.json$/, '-NNN.json')
      .replace(/^odoo\/.*\.csv$/, 'odoo/<model>.csv');
    groups.set(group, [...(groups.get(group) ?? []), f]);
  }
  return [...groups].map(([group, list]) => ({
    files: group,
    count: list.length,
    rows: list.reduce((sum, f) => sum + f.rows, 0),
    MiB: (list.reduce((sum, f) => sum + f.bytes, 0) / 2 ** 20).toFixed(1),
  }));
}

runScript(async () => {
  const opts = parseOptions(process.argv.slice(2));
  const client = opts.url ? await connect(opts.url) : null;
  try {
    const into = opts.url ? `into ${describeUrl(opts.url)}` : `(files only) into ${opts.out}`;
    console.log(
      `Generating ${opts.odoo} Odoo leads and ${opts.ace} ACE opportunities (${opts.shared} shared, seed ${opts.seed}) ${into}`,
    );
    const { odoo, apn, defects, odooSeconds, apnSeconds } = await generateSampleSources({
      ...opts,
      client,
      log: process.stderr,
    });
    if (client) {
      console.log('');
      printTable([
        ...Object.entries(odoo.counts).map(([table, rows]) => ({
          schema: opts.odooSchema,
          table,
          rows,
        })),
        ...Object.entries(apn.counts).map(([table, rows]) => ({
          schema: opts.apnSchema,
          table,
          rows,
        })),
      ]);
    }
    console.log('');
    printTable(fileGroups([...odoo.files, ...apn.files, defects]));
    console.log('');
    printTable([
      {
        'shared pairs': apn.matches,
        'hard negatives': apn.hardNegatives,
        'files written': odoo.files.length + apn.files.length + 1,
        out: opts.out,
        'odoo s': odooSeconds.toFixed(1),
        'apn s': apnSeconds.toFixed(1),
        'total s': (odooSeconds + apnSeconds).toFixed(1),
      },
    ]);
  } finally {
    await client?.end();
  }
});
