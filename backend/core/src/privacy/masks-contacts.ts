import type { ApiKeyRole } from '@revops/models';
import type { Principal } from '../auth/principal';

/** The roles whose work needs a customer's contact details in the clear. */
const SEES_CONTACTS: readonly ApiKeyRole[] = ['engineer', 'admin'];

/**
 * Whether an answer for this caller masks contact details (emails, phones, contact names):
 * the one rule every route follows. Closed by default: no caller (a script, a test) and a
 * role added later see them masked until this list names the role.
 */
export function masksContacts(principal: Principal | undefined): boolean {
  return !principal || !SEES_CONTACTS.includes(principal.role);
}
