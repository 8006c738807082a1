// The tables eval:matching prints beyond precision and recall: recall by class of true
// pair, each candidate rule's share (Splink's cumulative blocking counts), and the worst
// mistakes with every comparison.
import {
  BLOCKING_RULES,
  CandidateSet,
  MatchContext,
  Observation,
  ScoredPair,
  splitPairKey,
} from '@revops/matching';
import { findable, Labels } from './match-metrics';

type Row = Record<string, string | number>;
const pct = (n: number, d: number) => (d ? (n / d).toFixed(3) : '–');

/** The comparison level a class of true pairs is read from. */
const levelOf = (observations: Observation[] | undefined, comparison: string) =>
  observations?.find((o) => o.comparison === comparison)?.level ?? 'missing';

/**
 * The findable true pairs by class, and how many of them were linked and were candidates:
 * exact name or a variant, shared web domain or not, close-date band, amount band.
 * `observe` reads a true pair that was no candidate too.
 */
export function recallByClass(
  labels: Labels,
  linked: Set<string>,
  candidates: CandidateSet,
  observations: Map<string, Observation[]>,
): Row[] {
  const classes = new Map<string, { pairs: number; candidates: number; linked: number }>();
  const count = (name: string, pair: string) => {
    const c = classes.get(name) ?? { pairs: 0, candidates: 0, linked: 0 };
    c.pairs++;
    if (candidates.has(pair)) c.candidates++;
    if (linked.has(pair)) c.linked++;
    classes.set(name, c);
  };
  for (const pair of findable(labels)) {
    const o = observations.get(pair);
    count(levelOf(o, 'name') === 'exact' ? 'name: exact' : `name: variant (${levelOf(o, 'name')})`, pair); // prettier-ignore
    count(levelOf(o, 'domain') === 'equal' ? 'domain: shared' : `domain: not shared (${levelOf(o, 'domain')})`, pair); // prettier-ignore
    count(`close dates: ${levelOf(o, 'closeDate')}`, pair);
    count(`amount: ${levelOf(o, 'amount')}`, pair);
  }
  return [...classes]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, c]) => ({ class: name, 'true pairs': c.pairs, candidates: c.candidates, linked: c.linked, recall: pct(c.linked, c.pairs) })); // prettier-ignore
}

/**
 * Each rule's pairs, the pairs it adds to the rules before it, and the true pairs among
 * them: which rules carry the recall and which only add work.
 */
export function blockingTable(candidates: CandidateSet, labels: Labels): Row[] {
  const truth = new Set(findable(labels));
  const seen = new Set<string>();
  const rows: Row[] = [];
  let truthSeen = 0;
  for (const rule of BLOCKING_RULES) {
    let pairs = 0;
    let added = 0;
    let trueFound = 0;
    let trueAdded = 0;
    for (const [pair, rules] of candidates) {
      if (!rules.has(rule)) continue;
      pairs++;
      const isTrue = truth.has(pair);
      if (isTrue) trueFound++;
      if (!seen.has(pair)) {
        seen.add(pair);
        added++;
        if (isTrue) {
          trueAdded++;
          truthSeen++;
        }
      }
    }
    rows.push({ rule, pairs, 'new pairs': added, 'true pairs': trueFound, 'new true pairs': trueAdded, 'cumulative recall': pct(truthSeen, truth.size) }); // prettier-ignore
  }
  return rows;
}

function describe(observations: Observation[] | undefined): string {
  return (observations ?? [])
    .filter((o) => o.level !== 'missing')
    .map((o) => `${o.comparison}=${o.level}${o.value !== null ? ` (${o.value})` : ''}`)
    .join('; ');
}

/**
 * The 10 linked pairs that are not true with the highest probability, and the 10 true pairs
 * left unlinked: those no rule found first, then the lowest probability; with both names and
 * every comparison.
 */
export function worstMistakes(
  labels: Labels,
  links: string[],
  scored: Map<string, ScoredPair>,
  observations: Map<string, Observation[]>,
  context: MatchContext,
  isJudged: (pair: string) => boolean,
): { falsePositives: string[]; falseNegatives: string[] } {
  const truth = new Set(findable(labels));
  const line = (pair: string) => {
    const { aceId, odooId } = splitPairKey(pair);
    const p = scored.get(pair)?.probability;
    const rules = scored.get(pair)?.explanation.foundBy.join('+') || 'no candidate';
    return (
      `  ACE ${aceId} "${context.ace.get(aceId)?.customer ?? '?'}" ↔ Odoo ${odooId} "${context.odoo.get(odooId)?.customer ?? '?'}"` + // prettier-ignore
      ` p=${p === undefined ? '–' : p.toFixed(3)} [${rules}]\n    ${describe(observations.get(pair))}`
    );
  };
  const linked = new Set(links);
  const falsePositives = links
    .filter((pair) => isJudged(pair) && !truth.has(pair))
    .sort((a, b) => (scored.get(b)?.probability ?? 0) - (scored.get(a)?.probability ?? 0))
    .slice(0, 10)
    .map(line);
  const candidateFirst = (pair: string) => (scored.get(pair)?.explanation.foundBy.length ? 1 : 0);
  const falseNegatives = [...truth]
    .filter((pair) => !linked.has(pair))
    .sort(
      (a, b) =>
        candidateFirst(a) - candidateFirst(b) ||
        (scored.get(a)?.probability ?? -1) - (scored.get(b)?.probability ?? -1),
    )
    .slice(0, 10)
    .map(line);
  return { falsePositives, falseNegatives };
}
