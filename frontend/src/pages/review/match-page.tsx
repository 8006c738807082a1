import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ok } from '../../api/client';
import { isStale, linkedElsewhere } from '../../api/conflicts';
import { ErrorNote } from '../../components/error-note';
import { SourceBadge } from '../../components/source-badge';
import { dateTime, percent } from '../../lib/format';
import { sideBySide } from '../../lib/side-by-side';
import { usePageTitle } from '../../lib/use-page-title';
import { ShortcutsToggle, useShortcuts } from '../../lib/shortcuts';
import { neighbours, queueHref } from './queue-order';
import { StatusBadge, statusLabel } from './status-badge';
import { Waterfall } from './waterfall';

type Decision = 'approve' | 'reject';
const OPEN = ['proposed', 'auto_linked'];

/** One page per match: moving to another (j / k) starts afresh, its note and decision too. */
export default function MatchRoute() {
  const { id = '' } = useParams();
  return <MatchPage key={id} id={id} />;
}

interface DecisionRequest {
  decision: Decision;
  /** The match and version this decision was made on, whatever the page shows by the time it is answered. */
  id: string;
  version: number;
  note: string;
  allowMultiple?: boolean;
}

function MatchPage({ id }: { id: string }) {
  usePageTitle(`Match ${id}`);
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [note, setNote] = useState('');
  const detail = useQuery({
    queryKey: ['match', id],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/matches/{id}', { params: { path: { id } }, signal })),
  });

  const decide = useMutation({
    mutationFn: (request: DecisionRequest) =>
      ok(
        api.POST(`/api/v1/matches/{id}/${request.decision}`, {
          params: { path: { id: request.id } },
          body: {
            version: request.version,
            ...(request.note.trim() ? { note: request.note.trim() } : {}),
            ...(request.allowMultiple ? { allowMultiple: true } : {}),
          },
        }),
      ),
    onSuccess: (match, request) => {
      queries.setQueryData<typeof detail.data>(['match', request.id], (old) => old && { ...old, match }); // prettier-ignore
      void queries.invalidateQueries({ queryKey: ['matches'] });
      setNote('');
    },
  });
  const submit = (decision: Decision, allowMultiple = false) =>
    detail.data &&
    decide.mutate({ decision, id, version: detail.data.match.version, note, allowMultiple });

  const { previous, next } = neighbours(id);
  const go = (target: string | null) => target && navigate(`/review/${target}`);
  const open = detail.data ? OPEN.includes(detail.data.match.status) : false;
  const canDecide = open && !decide.isPending && !isStale(decide.error);
  useShortcuts({
    j: () => go(next),
    k: () => go(previous),
    a: () => canDecide && submit('approve'),
    r: () => canDecide && submit('reject'),
    Escape: () => navigate(queueHref()),
  });

  async function reload() {
    decide.reset();
    await detail.refetch();
  }

  if (detail.isPending) return <p className="loading">Loading the match…</p>;
  if (detail.isError) return <ErrorNote error={detail.error} action="Could not load the match" />;
  const { match, odoo, ace } = detail.data;
  const rows = sideBySide(odoo, ace);
  return (
    <article className="match" aria-labelledby="match-heading">
      <nav className="match-nav" aria-label="Queue">
        <Link to={queueHref()}>← Review queue (Esc)</Link>
        <span>
          <ShortcutsToggle keys="j, k, a, r, Esc" />
          <button type="button" disabled={!previous} onClick={() => go(previous)}>
            Previous (k)
          </button>
          <button type="button" disabled={!next} onClick={() => go(next)}>
            Next (j)
          </button>
        </span>
      </nav>
      <h1 id="match-heading">
        Match {match.id} <StatusBadge status={match.status} />
      </h1>
      <p className="match-meta">
        P(same deal) <strong data-testid="match-probability">{percent(match.probability)}</strong>
        {' · '}model {match.modelVersion ?? 'default'}
        {' · '}found by {match.explanation.foundBy.join(', ') || 'an analyst'}
        {' · '}version <span data-testid="match-version">{match.version}</span>
        {match.decidedBy && ` · decided by ${match.decidedBy} on ${dateTime(match.decidedAt)}`}
        {match.note && ` · note: “${match.note}”`}
      </p>

      <table className="side-by-side">
        <caption>The two records as CORE has them now; fields that differ are highlighted.</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">
              <SourceBadge source="odoo" /> {match.odooId}
            </th>
            <th scope="col">
              <SourceBadge source="ace" /> {match.aceId}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows
            .filter((row) => row.verdict !== 'neither')
            .map((row) => (
              <tr key={row.label} className={`verdict-${row.verdict}`}>
                <th scope="row">
                  {row.label}
                  {row.verdict === 'differs' && <span className="visually-hidden"> (differs)</span>}
                </th>
                <td>{row.odoo ?? '—'}</td>
                <td>{row.ace ?? '—'}</td>
              </tr>
            ))}
        </tbody>
      </table>
      {(!odoo || !ace) && (
        <p className="hint">
          {!odoo ? 'The Odoo lead' : 'The ACE opportunity'} is no longer in CORE.
        </p>
      )}

      <Waterfall explanation={match.explanation} score={match.score} />

      <section className="decision" aria-labelledby="decision-heading">
        <h2 id="decision-heading">Decision</h2>
        {open ? (
          <>
            <label htmlFor="note">Note (optional)</label>
            <textarea
              id="note"
              value={note}
              maxLength={2000}
              onChange={(event) => setNote(event.target.value)}
            />
            <div className="buttons">
              <button
                type="button"
                className="approve"
                disabled={!canDecide}
                onClick={() => submit('approve')}
              >
                Approve (a)
              </button>
              <button
                type="button"
                className="reject"
                disabled={!canDecide}
                onClick={() => submit('reject')}
              >
                Reject (r)
              </button>
            </div>
          </>
        ) : (
          <p role="status">This match is {statusLabel(match.status)}: nothing to decide.</p>
        )}
        <p role="status" className="success">
          {decide.isSuccess &&
            `${decide.data.status === 'approved' ? 'Approved.' : 'Rejected.'}${next ? ' Press j for the next match.' : ''}`}
        </p>
        {isStale(decide.error) ? (
          <div role="alert" className="error conflict">
            <p>
              This match was changed since you opened it (by someone else, or in another tab):{' '}
              {decide.error.message}
            </p>
            <button type="button" onClick={reload}>
              Reload the match
            </button>
          </div>
        ) : linkedElsewhere(decide.error) ? (
          <div role="alert" className="error conflict">
            <p>{decide.error?.message}</p>
            <p>
              <Link to={`/review/${linkedElsewhere(decide.error)}`}>See the other match</Link>, or
              approve this one as well if both are right.
            </p>
            <button type="button" onClick={() => submit('approve', true)}>
              Approve anyway
            </button>
          </div>
        ) : (
          decide.isError && <ErrorNote error={decide.error} action="The decision was not saved" />
        )}
      </section>
    </article>
  );
}
