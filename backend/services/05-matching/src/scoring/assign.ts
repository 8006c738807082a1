import { pairKey } from '../blocking/blocking';
import { ScoredPair } from './scored-pair';

export interface Thresholds {
  /** At or above: linked without review. */
  autoLinkAt: number;
  /** At or above (and below autoLinkAt): proposed for review. Below: discarded. */
  reviewAt: number;
}

export interface Assignment extends ScoredPair {
  status: 'auto_linked' | 'proposed';
}

export interface AssignOptions extends Thresholds {
  /** Odoo leads already linked to an ACE opportunity outside this decision. */
  takenOdoo?: ReadonlySet<string>;
  /** ACE opportunities already linked outside this decision (an approved match). */
  takenAce?: ReadonlySet<string>;
  /** `ace:odoo` pairs an analyst rejected: never proposed again. */
  rejected?: ReadonlySet<string>;
}

/**
 * One ACE opportunity to one Odoo lead: the best-scoring pairs first, each taken unless
 * either side is already taken. Pairs below the review threshold are discarded, so a weak
 * pair never blocks anything.
 */
export function assign(pairs: ScoredPair[], options: AssignOptions): Assignment[] {
  const takenAce = new Set(options.takenAce);
  const takenOdoo = new Set(options.takenOdoo);
  const ordered = pairs
    .filter((p) => p.probability >= options.reviewAt)
    .filter((p) => !options.rejected?.has(pairKey(p.aceId, p.odooId)))
    .sort(
      (a, b) =>
        b.score - a.score || a.aceId.localeCompare(b.aceId) || a.odooId.localeCompare(b.odooId),
    );
  const out: Assignment[] = [];
  for (const pair of ordered) {
    if (takenAce.has(pair.aceId) || takenOdoo.has(pair.odooId)) continue;
    takenAce.add(pair.aceId);
    takenOdoo.add(pair.odooId);
    out.push({
      ...pair,
      status: pair.probability >= options.autoLinkAt ? 'auto_linked' : 'proposed',
    });
  }
  return out;
}
