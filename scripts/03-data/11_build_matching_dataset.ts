// Turns a labelled two-source organisation set of shared/datasets into a matching data set:
// Odoo CSV export + ACE JSON files + ground_truth.csv, for `npm run eval:matching -- --dataset`.
import { resolve } from 'node:path';
import { fail, parseArgs, positiveInt, runScript } from '../lib/cli';
import { printTable } from '../lib/console-progress';
import { planDataset, NOISE } from './lib/matching-dataset/dataset-deals';
import { writeDataset, writeManifest } from './lib/matching-dataset/dataset-files';
import {
  DATASETS,
  DatasetName,
  readLinkedSets,
  sharedDir,
} from './lib/matching-dataset/linked-sets';

const USAGE = `
Usage: npm run ts -- scripts/03-data/11_build_matching_dataset.ts --set NAME --out DIR [--seed N]

Reads a labelled two-source set of real organisations from shared/datasets (never copied
into the project) and writes a matching data set to DIR:
  odoo/<model>.csv            Odoo import-compatible export: side A's organisations as
                              partners (res.partner) and customers of leads (crm.lead)
  ace/opportunities-NNN.json  ACE GetOpportunity responses: side B's organisations as
                              the customers
  ground_truth.csv            odoo_id,ace_id,kind — kind: match (the same deal),
                              same_customer (the customer's other deal), distinct (a pair
                              the set labels as different organisations)
  dataset.json                the set, the seed and the counts
Each true link of the set becomes one deal typed on both sides; deal text, amounts, close
dates, contacts, AWS accounts and missing fields are drawn with seeded noise (rates in
docs/03-guides/matching.md, "Real data sets"). Organisations without a link get a deal on
their side only; some linked ones get another deal on one side.

Options:
  --set NAME    ${DATASETS.join(' | ')}
  --out DIR     where the files go (earlier exports there are replaced)
  --seed N      the noise's seed (default 42)
  --shared DIR  the shared folder (default SHARED_DIR, else ../shared beside the clone)
  --help        this text

Example:
  npm run ts -- scripts/03-data/11_build_matching_dataset.ts --set overture-place-pairs --out /tmp/overture
  npm run eval:matching -- --dataset /tmp/overture
`;

runScript(async () => {
  const args = parseArgs(process.argv.slice(2), USAGE);
  const set = args.get('set') as DatasetName | undefined;
  if (!set || !DATASETS.includes(set)) fail(`--set must be one of ${DATASETS.join(', ')}`, USAGE);
  const out = args.get('out');
  if (!out || out === 'true') fail('--out DIR is required', USAGE);
  const seed = positiveInt(args, 'seed', 42, USAGE);
  const shared = args.get('shared') ?? sharedDir(resolve(__dirname, '../..'));
  const sets = readLinkedSets(shared, set);
  console.log(
    `${set}: ${sets.a.length} A records (→ Odoo), ${sets.b.length} B records (→ ACE), ` +
      `${sets.links.length} links, ${sets.distinct.length} labelled distinct pairs`,
  );
  const plan = planDataset(sets, seed);
  const written = writeDataset(plan, out, seed);
  writeManifest(out, {
    set,
    seed,
    source: `shared/datasets/${set} (see its SOURCE.md for licence and attribution)`,
    leads: written.leads,
    aceOpportunities: written.aceOpportunities,
    groundTruth: written.truth,
    noise: NOISE,
  });
  printTable(written.files.map((f) => ({ file: f.file, rows: f.rows, KiB: (f.bytes / 1024).toFixed(1) }))); // prettier-ignore
  console.log(
    `\n${written.leads} Odoo leads, ${written.aceOpportunities} ACE opportunities; ground truth: ` +
      Object.entries(written.truth).map(([kind, n]) => `${n} ${kind}`).join(', ') + ` → ${out}`, // prettier-ignore
  );
});
