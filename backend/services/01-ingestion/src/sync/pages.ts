import { PageStart, SourceConnector } from '../connectors/source-connector';
import { RawTableSpec } from '../raw/raw-table-spec';
import { cursorOf } from './cursor';

/** A table's rows from `start` as pages of `size`, read page by page (keyset pagination). */
export async function* keysetPages(
  connector: SourceConnector,
  table: RawTableSpec,
  start: PageStart,
  size: number,
): AsyncGenerator<Record<string, unknown>[]> {
  let request = { ...start, limit: size };
  for (;;) {
    const page = await connector.readPage(table, request);
    if (page.length > 0) yield page;
    if (page.length < size) return;
    request = {
      order: start.order,
      limit: size,
      after: cursorOf(page[page.length - 1], start.order),
    };
  }
}

/**
 * Yields what `source` yields, asking for the next item as soon as it hands one out: the
 * source reads page N+1 while the caller writes page N.
 */
export async function* prefetched<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const result = await next;
      if (result.done) return;
      next = iterator.next();
      // Its failure surfaces at the await above; if the caller stops first, it is dropped.
      next.catch(() => undefined);
      yield result.value;
    }
  } finally {
    await iterator.return?.();
  }
}
