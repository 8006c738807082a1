import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useSession } from './session';
import { usePageTitle } from '../lib/use-page-title';

export function SignInPage() {
  const { signIn, endedBecause } = useSession();
  usePageTitle('Sign in');
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await signIn(key.trim());
    } catch (error) {
      setProblem(
        !(error instanceof ApiError)
          ? `Could not reach the API: ${(error as Error).message}`
          : error.status === 401
            ? 'That key was not accepted: check it, or ask an admin for a new one.'
            : `The API could not sign you in: ${error.message}`,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <h1>RevOps workspace</h1>
      <p>Sign in with your API key. It is kept for this tab only, until you close it.</p>
      {endedBecause && <p role="status">{endedBecause}</p>}
      <form onSubmit={submit}>
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          onChange={(event) => setKey(event.target.value)}
          required
          aria-describedby={problem ? 'sign-in-problem' : undefined}
        />
        <button type="submit" disabled={busy || key.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {problem && (
          <p id="sign-in-problem" role="alert" className="error">
            {problem}
          </p>
        )}
      </form>
    </main>
  );
}
