import { maskText } from '@revops/core';
import type { RunDto } from '@revops/core';

/** Every string in a JSON value, at any depth, through maskText; the rest as it is. */
function maskTexts(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map(maskTexts);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskTexts(inner)]));
  }
  return value;
}

/**
 * A run as the analyst role sees it: its error and the text in its details may quote the
 * data it failed on (a duplicate key's value), so any email or international phone number
 * in them is masked, as the event pipeline's errors are.
 */
export function maskRun(run: RunDto): RunDto {
  return {
    ...run,
    error: maskText(run.error),
    details: maskTexts(run.details) as Record<string, unknown>,
  };
}
