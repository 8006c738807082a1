/**
 * The order of the review queue the analyst last looked at, so the match page can move to
 * the next or previous match (j / k) without a request. Empty when a match was opened from
 * elsewhere (a search hit).
 */
let order: string[] = [];
let queueSearch = '';

export function rememberQueue(ids: string[], search: string): void {
  order = ids;
  queueSearch = search;
}

export function neighbours(id: string): { previous: string | null; next: string | null } {
  const at = order.indexOf(id);
  if (at < 0) return { previous: null, next: null };
  return { previous: order[at - 1] ?? null, next: order[at + 1] ?? null };
}

/** The queue's URL, with the filters it had. */
export const queueHref = (): string => `/review${queueSearch}`;
