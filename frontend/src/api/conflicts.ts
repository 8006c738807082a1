import { ApiError } from './client';

/** A 409's details (the API says what the conflict is about), or null for any other outcome. */
const conflictDetails = (error: unknown): Record<string, unknown> | null =>
  error instanceof ApiError && error.status === 409 ? (error.body?.details ?? {}) : null;

/** The other live match of one side, when that is why a decision or a link was refused. */
export function linkedElsewhere(error: unknown): string | null {
  const id = conflictDetails(error)?.linkedMatchId;
  return id === undefined || id === null ? null : String(id);
}

/** A match that changed since it was read (its version, or its status): reload before deciding. */
export const isStale = (error: unknown): error is ApiError =>
  conflictDetails(error) !== null && linkedElsewhere(error) === null;
