import { bearerToken } from './api-key-format';
import { ApiKeyService } from './api-key.service';
import type { AuthenticatedRequest } from './auth.decorators';
import { Principal } from './principal';

const lookups = new WeakMap<AuthenticatedRequest, Promise<Principal>>();

/**
 * The key behind a request's `Authorization` header, looked up once per request: the rate
 * limiter needs it before the ApiKeyGuard runs (to count by key or by address), and the
 * second guard to ask reuses the answer. Rejects as ApiKeyService.identify does; records
 * no use (ApiKeyGuard does, once the request is let through).
 */
export function authenticateRequest(
  request: AuthenticatedRequest,
  apiKeys: ApiKeyService,
): Promise<Principal> {
  let lookup = lookups.get(request);
  if (!lookup) {
    lookup = apiKeys.identify(bearerToken(request.headers.authorization));
    // Whoever asks handles a rejection; this copy only must not count as unhandled.
    lookup.catch(() => undefined);
    lookups.set(request, lookup);
  }
  return lookup;
}
