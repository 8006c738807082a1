import { pageOf } from '@revops/core';

describe('pageOf', () => {
  it('sends a next cursor only when a row beyond the page was read', () => {
    const id = (n: number) => String(n);
    expect(pageOf([9, 8, 7], 2, id)).toEqual({ items: [9, 8], nextCursor: '8' });
    expect(pageOf([9, 8], 2, id)).toEqual({ items: [9, 8], nextCursor: null });
    expect(pageOf([], 2, id)).toEqual({ items: [], nextCursor: null });
  });
});
