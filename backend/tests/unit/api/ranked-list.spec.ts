import fc from 'fast-check';
import { byScoreThenKey, rankedList } from '@revops/api/search/ranked-list';
import type { RankedKey } from '@revops/api/search/search.repository';

const fusion = { k: 60, semanticWeight: 0.2, keywordWeight: 1, trigramWeight: 1 };
const hit = (sourceId: string, score: number, source: 'odoo' | 'ace' = 'odoo'): RankedKey => ({
  source,
  sourceId,
  score,
});
const keys = (list: { key: { source: string; sourceId: string } }[]) =>
  list.map((r) => `${r.key.source}:${r.key.sourceId}`);

/** Candidates with few distinct scores, so ties are the rule, as with repeated texts. */
const candidates = fc.uniqueArray(
  fc.record({
    source: fc.constantFrom('odoo' as const, 'ace' as const),
    sourceId: fc.stringMatching(/^[0-9A-Za-z]{1,4}$/),
    score: fc.constantFrom(0.1, 0.25, 0.5, 0.9),
  }),
  { selector: (c) => `${c.source}:${c.sourceId}`, maxLength: 60 },
);

describe('rankedList', () => {
  it('orders equal scores by source, then source id by code unit, never by arrival', () => {
    const list = rankedList(
      'keyword',
      {
        semantic: [],
        keyword: [hit('b', 0.5), hit('a', 0.5, 'ace'), hit('B', 0.5), hit('c', 0.9)],
      },
      fusion,
      10,
    );
    expect(keys(list)).toEqual(['odoo:c', 'ace:a', 'odoo:B', 'odoo:b']);
    expect(list.map((r) => r.parts.keyword?.rank)).toEqual([1, 2, 3, 4]);
  });

  it('is the same list whatever order the database returned the candidates in', () => {
    fc.assert(
      fc.property(
        candidates,
        candidates,
        fc.integer({ min: 1, max: 80 }),
        (semantic, keyword, window) => {
          const once = rankedList('hybrid', { semantic, keyword }, fusion, window);
          const shuffled = rankedList(
            'hybrid',
            { semantic: [...semantic].reverse(), keyword: [...keyword].reverse() },
            fusion,
            window,
          );
          expect(shuffled).toEqual(once);
          expect(once.length).toBeLessThanOrEqual(window);
          expect(new Set(keys(once)).size).toBe(once.length);
        },
      ),
    );
  });

  it('fuses ranks in hybrid mode: score = Σ weight / (k + rank), then keeps the top window', () => {
    const list = rankedList(
      'hybrid',
      { semantic: [hit('1', 0.9), hit('2', 0.8)], keyword: [hit('2', 3), hit('3', 2)] },
      fusion,
      2,
    );
    expect(keys(list)).toEqual(['odoo:2', 'odoo:3']);
    expect(list[0].parts).toMatchObject({ semantic: { rank: 2 }, keyword: { rank: 1 } });
    expect(list[0].score).toBeCloseTo(0.2 / 62 + 1 / 61, 12);
  });

  it('fuses the trigram list with its own weight', () => {
    const list = rankedList(
      'hybrid',
      { keyword: [hit('1', 3)], trigram: [hit('2', 0.9), hit('1', 0.6)] },
      { ...fusion, trigramWeight: 0.5 },
      10,
    );
    expect(list.map((r) => [r.key.sourceId, r.score])).toEqual([
      ['1', 1 / 61 + 0.5 / 62],
      ['2', 0.5 / 61],
    ]);
    expect(list[0].parts).toEqual({
      keyword: { rank: 1, score: 3 },
      trigram: { rank: 2, score: 0.6 },
    });
  });

  it('scores one-retriever modes by the retriever itself', () => {
    const [top] = rankedList('semantic', { semantic: [hit('1', 0.75)], keyword: [] }, fusion, 10);
    expect(top).toMatchObject({ score: 0.75, parts: { semantic: { rank: 1, score: 0.75 } } });
  });
});

describe('byScoreThenKey', () => {
  it('is a total order: only the same key compares equal', () => {
    expect(byScoreThenKey(hit('1', 0.5), hit('1', 0.5))).toBe(0);
    expect(byScoreThenKey(hit('1', 0.5), hit('1', 0.5, 'ace'))).toBeGreaterThan(0);
    expect(byScoreThenKey(hit('10', 0.5), hit('9', 0.5))).toBeLessThan(0);
    expect(byScoreThenKey(hit('9', 0.6), hit('10', 0.5))).toBeLessThan(0);
  });
});
