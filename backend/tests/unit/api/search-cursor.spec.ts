import fc from 'fast-check';
import { InvalidInputException } from '@revops/core';
import {
  decodeCursor,
  encodeCursor,
  pageAt,
  searchFingerprint,
} from '@revops/api/search/search-cursor';
import { searchQuery } from '@revops/api/search/search-query.dto';

const ranking = {
  window: 500,
  model: { id: 'use-lite-en', dimensions: 512 },
  fusion: { k: 60, semanticWeight: 0.2, keywordWeight: 1, trigramWeight: 1 },
};

describe('pageAt', () => {
  it('pages of any size, followed to the end, are the list once, in order', () => {
    fc.assert(
      fc.property(fc.nat(300), fc.integer({ min: 1, max: 100 }), (length, limit) => {
        const list = Array.from({ length }, (_, i) => i);
        const seen: number[] = [];
        let offset: number | null = 0;
        while (offset !== null) {
          const page: { items: number[]; next: number | null } = pageAt(list, offset, limit);
          seen.push(...page.items);
          offset = page.next;
        }
        expect(seen).toEqual(list);
      }),
    );
  });

  it('does not send a client from a full last page to an empty one', () => {
    expect(pageAt([1, 2, 3, 4], 2, 2)).toEqual({ items: [3, 4], next: null });
    expect(pageAt([1, 2, 3, 4, 5], 2, 2)).toEqual({ items: [3, 4], next: 4 });
    expect(pageAt([1, 2], 5, 2)).toEqual({ items: [], next: null });
  });
});

describe('search cursors', () => {
  const query = searchQuery({ q: 'SAP migration', limit: 10 });
  const fingerprint = searchFingerprint(query, ranking);

  it('round-trip an offset inside the window', () => {
    expect(decodeCursor(encodeCursor(40, fingerprint), fingerprint, 500)).toBe(40);
  });

  it('belong to one search: another question, page size, window, model or weights refuses them', () => {
    const others = [
      searchFingerprint(searchQuery({ q: 'SAP migration', limit: 20 }), ranking),
      searchFingerprint(searchQuery({ q: 'SAP migration', mode: 'keyword', limit: 10 }), ranking),
      searchFingerprint(query, { ...ranking, window: 1000 }),
      searchFingerprint(query, { ...ranking, model: { id: 'bge-m3', dimensions: 1024 } }),
      searchFingerprint(query, { ...ranking, fusion: { ...ranking.fusion, k: 10 } }),
    ];
    expect(new Set([fingerprint, ...others]).size).toBe(others.length + 1);
    const cursor = encodeCursor(10, fingerprint);
    for (const other of others)
      expect(() => decodeCursor(cursor, other, 500)).toThrow(InvalidInputException);
    expect(
      searchFingerprint(searchQuery({ q: 'SAP migration', limit: 10, cursor: 'x' }), ranking),
    ).toBe(fingerprint);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['offset at the window', encodeCursor(500, 'f')],
    ['offset 2^63', Buffer.from('{"o":9223372036854775808,"f":"f"}').toString('base64url')],
    ['fractional offset', encodeCursor(1.5, 'f')],
    ['offset 0', encodeCursor(0, 'f')],
    ['string offset', Buffer.from('{"o":"10","f":"f"}').toString('base64url')],
  ])('refuse a cursor with %s, naming the field', (_, cursor) => {
    const refusal = (): unknown => {
      try {
        return decodeCursor(cursor, 'f', 500);
      } catch (error) {
        return error;
      }
    };
    expect(refusal()).toBeInstanceOf(InvalidInputException);
    expect((refusal() as InvalidInputException).fields).toEqual([
      expect.objectContaining({ field: 'cursor' }),
    ]);
  });
});
