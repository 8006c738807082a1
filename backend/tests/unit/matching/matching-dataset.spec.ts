import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { planDataset } from '../../../../scripts/03-data/lib/matching-dataset/dataset-deals';
import {
  DATASETS,
  readLinkedSets,
} from '../../../../scripts/03-data/lib/matching-dataset/linked-sets';
import { SHARED_DIR } from '../../fixtures/paths';

// The labelled sets live in shared/datasets beside the clone. Missing: CI fails, a
// developer's run skips this file and says why (shared/datasets/README.md).
const present = existsSync(join(SHARED_DIR, 'datasets'));
if (!present && process.env.CI === 'true') {
  throw new Error(`${SHARED_DIR}/datasets is missing (set SHARED_DIR)`);
}
const describeWithSets = present ? describe : describe.skip;
const reason = present ? '' : ` (skipped: no ${SHARED_DIR}/datasets; set SHARED_DIR)`;

describeWithSets(`matching data sets from shared/datasets${reason}`, () => {
  it.each(DATASETS)('%s: read with the counts its SOURCE.md gives', (set) => {
    const sets = readLinkedSets(SHARED_DIR, set);
    const counts = { a: sets.a.length, b: sets.b.length, links: sets.links.length };
    const expected = {
      'overture-place-pairs': { a: 2997, b: 2998, links: 1809 },
      'pudl-ferc1-eia-utilities': { a: 367, b: 140, links: 143 },
      'oar-facility-pairs': { a: 105, b: 109, links: 46 },
    }[set];
    expect(counts).toEqual(expected);
  });

  it('one deal on both sides per link, ids unique and shuffled, the same for the same seed', () => {
    const sets = readLinkedSets(SHARED_DIR, 'oar-facility-pairs');
    const plan = planDataset(sets, 42);
    const matches = plan.truth.filter((t) => t.kind === 'match');
    expect(matches).toHaveLength(sets.links.length);
    expect(new Set(plan.leads.map((l) => l.id)).size).toBe(plan.leads.length);
    expect(new Set(plan.aceOpportunities.map((o) => o.id)).size).toBe(plan.aceOpportunities.length);
    // Each true pair's two sides are the linked organisations and one deal.
    const lead = new Map(plan.leads.map((l) => [l.id, l]));
    const ace = new Map(plan.aceOpportunities.map((o) => [o.id, o]));
    const links = new Set(sets.links.map((l) => `${l.a}|${l.b}`));
    for (const m of matches) {
      const [l, o] = [lead.get(m.odooId)!, ace.get(m.aceId)!];
      expect(links.has(`${l.org.key}|${o.org.key}`)).toBe(true);
      expect(l.deal).toBe(o.deal);
    }
    // Negatives: other deals of a linked customer, and the set's labelled non-matches.
    expect(plan.truth.some((t) => t.kind === 'same_customer')).toBe(true);
    expect(plan.truth.filter((t) => t.kind === 'distinct').length).toBeGreaterThan(0);
    expect(planDataset(sets, 42).truth).toEqual(plan.truth);
    expect(planDataset(sets, 7).truth).not.toEqual(plan.truth);
  });
});
