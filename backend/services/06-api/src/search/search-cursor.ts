import { InvalidInputException } from '@revops/core';
import { createHash } from 'node:crypto';
import type { Fusion } from './ranked-list';
import type { SearchQueryDto } from './search-query.dto';

/** What, besides the request, decides a search's ranked list. */
export interface RankingSettings {
  window: number;
  model: { id: string; dimensions: number };
  fusion: Fusion;
}

/**
 * A cursor addresses a position in one ranked list: the same question, filters and page
 * size, ranked with the same window, model and fusion weights. Any of those changed (a
 * new search, or a redeploy with other settings between two pages) and the position
 * means something else, so the cursor is refused rather than silently repeating or
 * skipping hits.
 */
export function searchFingerprint(query: SearchQueryDto, ranking: RankingSettings): string {
  const search = { ...query, cursor: undefined };
  return createHash('sha256')
    .update(JSON.stringify({ search, ranking }))
    .digest('hex')
    .slice(0, 16);
}

export function encodeCursor(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint })).toString('base64url');
}

/** The offset a cursor points at; 400 naming `cursor` unless this search issued it. */
export function decodeCursor(cursor: string, fingerprint: string, window: number): number {
  try {
    const { o, f } = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as {
      o: unknown;
      f: unknown;
    };
    if (Number.isInteger(o) && (o as number) > 0 && (o as number) < window && f === fingerprint) {
      return o as number;
    }
  } catch {
    // reported below
  }
  throw new InvalidInputException('Invalid cursor', [
    {
      field: 'cursor',
      problems: ['must be the nextCursor of the previous page of this same search'],
    },
  ]);
}

/**
 * The page of `list` at `offset`, and where the next one starts: null on the last page,
 * including a last page that happens to be full, so no client is sent to an empty one.
 */
export function pageAt<T>(
  list: T[],
  offset: number,
  limit: number,
): { items: T[]; next: number | null } {
  const end = offset + limit;
  return { items: list.slice(offset, end), next: end < list.length ? end : null };
}
