import type { paths } from '../../../../docs/02-api/openapi';

export type SearchQuery = NonNullable<paths['/api/v1/search/opportunities']['get']['parameters']['query']>; // prettier-ignore
export type SearchMode = NonNullable<SearchQuery['mode']>;
export const SEARCH_MODES: SearchMode[] = ['hybrid', 'semantic', 'keyword', 'trigram'];

/** The page's filters live in its URL (never the key), so a search can be shared and reloaded. */
export const FILTER_NAMES = [
  'q',
  'mode',
  'source',
  'stage',
  'country',
  'closeDateFrom',
  'closeDateTo',
  'amountMin',
  'amountMax',
  'hasMatch',
  'interpret',
] as const;

const list = (value: string): string[] =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** The API query a page URL asks for; null until there is something to look for. */
export function searchQueryOf(params: URLSearchParams): Omit<SearchQuery, 'cursor'> | null {
  const q = params.get('q')?.trim();
  if (!q) return null;
  const query: Omit<SearchQuery, 'cursor'> = { q, limit: 20 };
  const mode = params.get('mode');
  if (mode && (SEARCH_MODES as string[]).includes(mode)) query.mode = mode as SearchMode;
  const source = params.get('source');
  if (source === 'odoo' || source === 'ace') query.source = source;
  const stage = list(params.get('stage') ?? '');
  if (stage.length) query.stage = stage;
  const country = list(params.get('country') ?? '').map((code) => code.toUpperCase());
  if (country.length) query.country = country;
  for (const name of ['closeDateFrom', 'closeDateTo'] as const) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  for (const name of ['amountMin', 'amountMax'] as const) {
    const value = params.get(name);
    // Sent as typed: the API names the field when it is not a number.
    if (value) query[name] = value as unknown as number;
  }
  const hasMatch = params.get('hasMatch');
  if (hasMatch === 'true' || hasMatch === 'false') query.hasMatch = hasMatch === 'true';
  // Places, industries, stage words, amounts and dates in q are understood unless switched off.
  if (params.get('interpret') === 'false') query.interpret = false;
  return query;
}

/** The URL parameters of a filled-in form: empty fields left out. */
export function paramsOf(form: FormData): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = String(form.get(name) ?? '').trim();
    if (value) params.set(name, value);
  }
  return params;
}
