import { isDataError } from './data-error';

/**
 * Writes `items` with `write`; when the database refuses the batch for its data (see
 * isDataError), halves it until each refused item is alone, writes the rest, and hands
 * each refused item with its error to `refuse`. Any other error fails as before.
 */
export async function writeIsolating<T>(
  items: T[],
  write: (items: T[]) => Promise<void>,
  refuse: (item: T, error: unknown) => Promise<void> | void,
): Promise<void> {
  if (items.length === 0) return;
  try {
    await write(items);
  } catch (error) {
    if (!isDataError(error)) throw error;
    if (items.length === 1) return refuse(items[0], error);
    const half = Math.ceil(items.length / 2);
    await writeIsolating(items.slice(0, half), write, refuse);
    await writeIsolating(items.slice(half), write, refuse);
  }
}
