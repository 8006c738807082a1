/**
 * The items of `source`, asking it for the next one as soon as one is handed out, so
 * producing item N+1 (a database read) overlaps the consumer's work on item N (mapping and
 * writing it). At most one item is read ahead. Stopping early (break, an error) closes the
 * source once the read in flight has settled.
 */
export async function* readAhead<T>(source: AsyncIterator<T>): AsyncGenerator<T> {
  let next = source.next();
  // A read that fails while the consumer works must not count as unhandled: it is awaited
  // (and thrown) at the next turn, or dropped when the consumer stopped first.
  next.catch(() => undefined);
  let finished = false;
  try {
    for (;;) {
      const item = await next;
      if (item.done) {
        finished = true;
        return;
      }
      next = source.next();
      next.catch(() => undefined);
      yield item.value;
    }
  } finally {
    if (!finished) {
      const pending = await next.then(
        (item) => !item.done,
        () => false,
      );
      if (pending) await source.return?.();
    }
  }
}
