/**
 * The API key of this tab's session: kept in sessionStorage (gone when the tab closes,
 * never in a URL or in localStorage), with listeners for sign-in and sign-out.
 */
const STORAGE_KEY = 'revops.apiKey';

type Listener = (reason: string | null) => void;
const listeners = new Set<Listener>();

export function currentKey(): string | null {
  return sessionStorage.getItem(STORAGE_KEY);
}

export function keepKey(key: string): void {
  sessionStorage.setItem(STORAGE_KEY, key);
}

/** Forgets the key and tells the app why (null: the analyst signed out). */
export function signOutEverywhere(reason: string | null): void {
  sessionStorage.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener(reason);
}

export function onSignOut(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
