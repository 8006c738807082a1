// Seeded randomness for 06_generate_sample_sources.ts. Every row draws from its own stream,
// keyed by (seed, stream name, index), so any row can be rebuilt on its own: the ACE side
// regenerates a shared deal's Odoo plan instead of keeping a million plans in memory.
// 01_generate_demo_samples.ts uses mulberry32 and the small helpers from here too.

export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// murmur3's finaliser: neighbouring indices get unrelated seeds.
function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const streamHashes = new Map<string, number>();

function hashStream(stream: string): number {
  let h = streamHashes.get(stream);
  if (h === undefined) {
    h = 0x811c9dc5; // FNV-1a
    for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193);
    streamHashes.set(stream, h >>> 0);
  }
  return h >>> 0;
}

export function rngFor(seed: number, stream: string, index: number): Rng {
  return mulberry32(mix32(mix32(seed ^ hashStream(stream)) + index));
}

export const int = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
export const chance = (r: Rng, p: number) => r() < p;
export const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)];
export const digits = (r: Rng, n: number) => Array.from({ length: n }, () => int(r, 0, 9)).join('');

export function weighted<T extends { weight: number }>(r: Rng, items: readonly T[]): T {
  let x = r() * items.reduce((sum, item) => sum + item.weight, 0);
  return items.find((item) => (x -= item.weight) < 0) ?? items[items.length - 1];
}

// k distinct items, in list order (small lists only).
export function sample<T>(r: Rng, items: readonly T[], k: number): T[] {
  const keep = items.map((item) => ({ item, key: r() }));
  const chosen = new Set([...keep].sort((a, b) => a.key - b.key).slice(0, k));
  return keep.filter((entry) => chosen.has(entry)).map((entry) => entry.item);
}

// ---------- permutations of [0, n) without an array in memory

export interface Permutation {
  forward(i: number): number;
  inverse(k: number): number;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function modInverse(a: number, n: number): number {
  let [oldR, r, oldS, s] = [a, n, 1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % n) + n) % n;
}

// i -> (a·i + b) mod n with a near n/φ, so consecutive indices land far apart and evenly spread.
// Exact integer arithmetic needs a·n < 2^53: fine for n up to ~90 million.
export function affinePermutation(n: number, seed: number, salt: string): Permutation {
  if (n > 90_000_000) throw new Error(`affinePermutation: n = ${n} is too large`);
  const r = rngFor(seed, salt, 0);
  let a = (Math.floor(n * 0.618034) + int(r, 0, 97)) % n || 1;
  while (gcd(a, n) !== 1) a = (a + 1) % n || 1;
  const b = Math.floor(r() * n);
  const aInverse = modInverse(a, n);
  return {
    forward: (i) => (a * i + b) % n,
    inverse: (k) => (aInverse * ((k - b + n) % n)) % n,
  };
}
