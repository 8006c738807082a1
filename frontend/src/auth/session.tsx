import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, ApiError, ok, type Schema } from '../api/client';
import { currentKey, keepKey, onSignOut, signOutEverywhere } from './key-store';

export type Identity = Schema<'MeDto'>;

interface Session {
  identity: Identity | null;
  /** Why the last session ended, when the API ended it (a revoked key, say). */
  endedBecause: string | null;
  /** Checks the key with the API, then keeps it for this tab. Throws ApiError if refused. */
  signIn(key: string): Promise<void>;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

async function whoIs(): Promise<Identity> {
  const me = await ok(api.GET('/api/v1/me'));
  return { name: me.name, role: me.role };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [restoring, setRestoring] = useState(() => currentKey() !== null);
  const [endedBecause, setEndedBecause] = useState<string | null>(null);

  useEffect(
    () =>
      onSignOut((reason) => {
        setIdentity(null);
        setEndedBecause(reason);
        queries.clear();
      }),
    [queries],
  );

  // A reload keeps the tab's session: ask the API who the kept key is. Only a refusal ends
  // it (the client's 401 handling says why); an API that is down keeps the key for a retry.
  const [restoreProblem, setRestoreProblem] = useState<unknown>(null);
  useEffect(() => {
    if (!restoring) return;
    whoIs()
      .then(setIdentity)
      .catch((error) => {
        if (!(error instanceof ApiError && error.status === 401)) setRestoreProblem(error);
      })
      .finally(() => setRestoring(false));
  }, [restoring]);

  const signIn = useCallback(async (key: string) => {
    keepKey(key);
    try {
      setIdentity(await whoIs());
      setEndedBecause(null);
    } catch (error) {
      signOutEverywhere(null);
      throw error;
    }
  }, []);

  const session = useMemo<Session>(
    () => ({ identity, endedBecause, signIn, signOut: () => signOutEverywhere(null) }),
    [identity, endedBecause, signIn],
  );
  if (restoring) return <p className="loading">Restoring your session…</p>;
  if (restoreProblem && !identity) {
    return (
      <main id="main" className="sign-in">
        <div role="alert" className="error">
          <p>
            Could not reach the API to restore your session: {(restoreProblem as Error).message}
          </p>
          <button
            type="button"
            onClick={() => {
              setRestoreProblem(null);
              setRestoring(true);
            }}
          >
            Try again
          </button>
        </div>
      </main>
    );
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Engineers and admins start runs; analysts read. */
export const canOperate = (identity: Identity | null): boolean =>
  identity?.role === 'engineer' || identity?.role === 'admin';
