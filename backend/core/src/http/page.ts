/** One list shape for every paged route. */
export interface Page<T> {
  items: T[];
  /** The cursor of the next page; null on the last one. */
  nextCursor: string | null;
}

/**
 * A page from `rows` read with a limit of `limit + 1`: the first `limit` rows, and a next
 * cursor only when the extra row says more follow (a last page that happens to be full
 * does not send the client to an empty one).
 */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (last: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? cursorOf(items[items.length - 1]) : null };
}
