import { pairKey } from '../blocking/blocking';

/** A small seeded generator (mulberry32): training draws the same sample from the same data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` Odoo × ACE pairs drawn at random (with replacement), or every pair when there are
 * no more than that: the sample u is estimated on. Keys `aceId:odooId`.
 */
export function randomPairKeys(
  aceIds: string[],
  odooIds: string[],
  count: number,
  seed = 42,
): string[] {
  if (aceIds.length === 0 || odooIds.length === 0) return [];
  if (aceIds.length * odooIds.length <= count) {
    return aceIds.flatMap((a) => odooIds.map((o) => pairKey(a, o)));
  }
  const random = seeded(seed);
  return Array.from(
    { length: count },
    () =>
    pairKey(aceIds[Math.floor(random() * aceIds.length)], odooIds[Math.floor(random() * odooIds.length)]), // prettier-ignore
  );
}
