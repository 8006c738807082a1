import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../../../docs/02-api/openapi';
import { currentKey, signOutEverywhere } from '../auth/key-store';

/** The API's schemas, by name: `Schema<'MatchDto'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
export type ErrorBody = Schema<'ErrorBodyDto'>;

/** A refused or failed request, with the API's error body when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body ? messageOf(body) : `The API answered ${status}`);
  }
}

function messageOf(body: ErrorBody): string {
  const fields = body.fields?.map((field) => `${field.field}: ${field.problems.join('; ')}`);
  return fields?.length ? `${body.message} (${fields.join(', ')})` : body.message;
}

/** The key rides in a header on every request, never in a URL. A 401 ends the session. */
const withKey: Middleware = {
  onRequest({ request }) {
    const key = currentKey();
    if (key) request.headers.set('Authorization', `Bearer ${key}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && currentKey()) signOutEverywhere('Your key was refused: sign in again.'); // prettier-ignore
    return response;
  },
};

/** The typed client: its paths and shapes come from docs/02-api/openapi.json. */
// fetch looked up per request, so tests can stand in for the network.
export const api = createClient<paths>({
  baseUrl: location.origin,
  fetch: (request) => globalThis.fetch(request),
});
api.use(withKey);

/** The data of an openapi-fetch answer, or an ApiError. */
export async function ok<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok && data !== undefined) return data;
  throw new ApiError(response.status, isErrorBody(error) ? error : null);
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'message' in value && 'statusCode' in value; // prettier-ignore
}
