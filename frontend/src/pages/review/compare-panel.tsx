import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import { linkedElsewhere } from '../../api/conflicts';
import { ErrorNote } from '../../components/error-note';
import { percent } from '../../lib/format';
import { Waterfall } from './waterfall';

const WOULD_BE: Record<string, string> = {
  auto_linked: 'a run would link it without review',
  proposed: 'a run would propose it for review',
  discarded: 'a run would discard it',
};

/** "Why (not)?" for any pair, and a link by hand when the analyst knows better. */
export function ComparePanel() {
  const queries = useQueryClient();
  const [pair, setPair] = useState<{ aceId: string; odooId: string } | null>(null);
  const [note, setNote] = useState('');
  const comparison = useQuery({
    queryKey: ['compare', pair],
    enabled: pair !== null,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/matching/compare', { params: { query: pair! }, signal })), // prettier-ignore
  });
  const link = useMutation({
    mutationFn: (allowMultiple: boolean) =>
      ok(
        api.POST('/api/v1/matches', {
          body: { ...pair!, ...(note.trim() ? { note: note.trim() } : {}), ...(allowMultiple ? { allowMultiple } : {}) }, // prettier-ignore
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['matches'] }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    link.reset();
    setPair({ aceId: String(form.get('aceId')).trim(), odooId: String(form.get('odooId')).trim() }); // prettier-ignore
  }

  return (
    <section className="compare" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare any pair</h2>
      <p className="hint">
        Why (not)? Score any Odoo lead against any ACE opportunity, and link them by hand.
      </p>
      <form onSubmit={submit}>
        <label>
          Odoo lead id
          <input name="odooId" required pattern="[0-9]+" inputMode="numeric" />
        </label>
        <label>
          ACE opportunity id
          <input name="aceId" required maxLength={64} />
        </label>
        <button type="submit">Compare</button>
      </form>
      {comparison.isError && <ErrorNote error={comparison.error} action="Could not compare them" />}
      {comparison.data && (
        <div className="comparison">
          <p role="status">
            P(same deal) {percent(comparison.data.probability)}:{' '}
            {comparison.data.candidate
              ? WOULD_BE[comparison.data.wouldBe]
              : 'no candidate rule finds this pair, so runs never score it'}
            .
          </p>
          <Waterfall explanation={comparison.data.explanation} score={comparison.data.score} />
          <label htmlFor="link-note">Note for the link (optional)</label>
          <textarea
            id="link-note"
            value={note}
            maxLength={2000}
            onChange={(event) => setNote(event.target.value)}
          />
          <button
            type="button"
            onClick={() => link.mutate(false)}
            disabled={link.isPending || link.isSuccess}
          >
            Link this pair by hand
          </button>
          {link.isSuccess && (
            <p role="status" className="success">
              Linked: <Link to={`/review/${link.data.id}`}>match {link.data.id}</Link>.
            </p>
          )}
          {link.isError && <ErrorNote error={link.error} action="Not linked" />}
          {linkedElsewhere(link.error) && (
            <p>
              <Link to={`/review/${linkedElsewhere(link.error)}`}>See the other match</Link>, or{' '}
              <button type="button" onClick={() => link.mutate(true)}>
                link this pair as well
              </button>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
