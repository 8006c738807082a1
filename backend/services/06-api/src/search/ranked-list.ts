import type { OpportunitySource } from '@revops/models';
import type { SearchMode } from './search-query.dto';
import type { RankedKey } from './search.repository';

/** The ranked lists a search fuses: vector, full text and trigram (name) similarity. */
export const RETRIEVERS = ['semantic', 'keyword', 'trigram'] as const;
export type Retriever = (typeof RETRIEVERS)[number];

/** One retriever's part in a hit's score: its rank and its own score. */
export interface RetrieverPart {
  rank: number;
  /** Cosine similarity (semantic), `ts_rank` (keyword) or word similarity (trigram). */
  score: number;
}

/** One hit of a search's ranked list, with the part each retriever had in its score. */
export interface Ranked {
  key: { source: OpportunitySource; sourceId: string };
  score: number;
  parts: Partial<Record<Retriever, RetrieverPart>>;
}

/** Weighted reciprocal rank fusion: score = Σ weight / (k + rank). */
export interface Fusion {
  k: number;
  semanticWeight: number;
  keywordWeight: number;
  trigramWeight: number;
}

/**
 * The one total order of every ranking: score, highest first, then source, then source id
 * by code unit (not by locale, which may call two ids equal). Equal scores are common
 * (the same text, the same words), and without this they could come back in either order
 * and swap between pages.
 */
export function byScoreThenKey(
  a: { score: number; source: string; sourceId: string },
  b: { score: number; source: string; sourceId: string },
): number {
  return (
    b.score - a.score || codeUnitOrder(a.source, b.source) || codeUnitOrder(a.sourceId, b.sourceId)
  );
}

/**
 * The list every page of a search is cut from. Each retriever hands in its top `window`
 * candidates; they are put in the total order first, so a rank never depends on how the
 * database returned equal scores. One mode scores by its retriever (similarity, `ts_rank`
 * or word similarity); hybrid fuses the ranks of all three and keeps the top `window` of
 * the union: beyond that, a document's other retrievers may have ranked it just past their
 * own window, so the tail is not worth serving. The same candidates give the same list, so
 * pages cut from it at any offset neither repeat nor skip a hit.
 */
export function rankedList(
  mode: SearchMode,
  candidates: Partial<Record<Retriever, RankedKey[]>>,
  fusion: Fusion,
  window: number,
): Ranked[] {
  const fused = new Map<string, Ranked>();
  const weights: Record<Retriever, number> = {
    semantic: fusion.semanticWeight,
    keyword: fusion.keywordWeight,
    trigram: fusion.trigramWeight,
  };
  for (const retriever of RETRIEVERS) {
    inOrder(candidates[retriever] ?? [], window).forEach((hit, i) => {
      const id = `${hit.source}:${hit.sourceId}`;
      const entry = fused.get(id) ?? {
        key: { source: hit.source, sourceId: hit.sourceId },
        score: 0,
        parts: {},
      };
      fused.set(id, entry);
      entry.parts[retriever] = { rank: i + 1, score: hit.score };
      entry.score += mode === 'hybrid' ? weights[retriever] / (fusion.k + i + 1) : hit.score;
    });
  }
  return [...fused.values()]
    .sort((a, b) => byScoreThenKey({ ...a.key, score: a.score }, { ...b.key, score: b.score }))
    .slice(0, window);
}

function inOrder(hits: RankedKey[], window: number): RankedKey[] {
  return [...hits].sort(byScoreThenKey).slice(0, window);
}

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
