import { ApiKeyRole } from '@revops/models';

/** Who is calling: the API key that authenticated the request. */
export interface Principal {
  keyId: string;
  name: string;
  role: ApiKeyRole;
}

/** How the caller appears in ops.audit_log and job records. */
export function actorOf(principal: Principal): string {
  return `api-key:${principal.name}`;
}
