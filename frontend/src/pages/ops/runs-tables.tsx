import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok, type Schema } from '../../api/client';
import { ErrorNote } from '../../components/error-note';
import { dateTime, duration } from '../../lib/format';
import { StatusBadge } from '../review/status-badge';

type Run = Schema<'RunDto'>;
type JobKind = Exclude<Run['kind'], 'sync'>;
const JOB_KINDS: JobKind[] = ['transform', 'validate', 'embed', 'match'];
const SYNC_COUNTS = ['read', 'inserted', 'updated', 'unchanged', 'deleted', 'quarantined'];

function useRuns(kind: Run['kind']) {
  return useQuery({
    queryKey: ['runs', kind],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/runs', { params: { query: { kind, limit: 10 } }, signal })), // prettier-ignore
    refetchInterval: 15_000,
  });
}

/** The last syncs of each source: what they read and wrote, and what they set aside. */
export function SyncRuns() {
  const runs = useRuns('sync');
  return (
    <section aria-labelledby="sync-runs-heading">
      <h2 id="sync-runs-heading">Sync runs</h2>
      {runs.isError && <ErrorNote error={runs.error} />}
      {runs.data && (
        <table>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Source</th>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
              <th scope="col">Duration</th>
              {SYNC_COUNTS.map((name) => (
                <th scope="col" key={name}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {runs.data.items.map((run) => (
              <tr key={run.id}>
                <td>{run.id}</td>
                <td>
                  {run.name} <span className="hint">{String(run.details.mode ?? '')}</span>
                </td>
                <td>
                  <StatusBadge status={run.status} />
                </td>
                <td>{dateTime(run.startedAt)}</td>
                <td>{duration(run.durationMs)}</td>
                {SYNC_COUNTS.map((name) => (
                  <td key={name}>{run.counts[name] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {runs.data?.items.length === 0 && <p className="empty">No syncs yet.</p>}
    </section>
  );
}

/** The other jobs' runs, one kind at a time. */
export function JobRuns() {
  const [kind, setKind] = useState<JobKind>('transform');
  const runs = useRuns(kind);
  return (
    <section aria-labelledby="job-runs-heading">
      <h2 id="job-runs-heading">Job runs</h2>
      <label>
        Kind{' '}
        <select value={kind} onChange={(event) => setKind(event.target.value as JobKind)}>
          {JOB_KINDS.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      {runs.isError && <ErrorNote error={runs.error} />}
      {runs.data && runs.data.items.length === 0 && <p className="empty">No {kind} runs yet.</p>}
      {runs.data && runs.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Job</th>
              <th scope="col">Status</th>
              <th scope="col">Triggered by</th>
              <th scope="col">Started</th>
              <th scope="col">Duration</th>
              <th scope="col">Counts</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.items.map((run) => (
              <tr key={run.id}>
                <td>{run.id}</td>
                <td>{run.name}</td>
                <td>
                  <StatusBadge status={run.status} />
                  {run.error && <span className="small"> {run.error}</span>}
                </td>
                <td>{run.triggeredBy ?? '—'}</td>
                <td>{dateTime(run.startedAt)}</td>
                <td>{duration(run.durationMs)}</td>
                <td className="small">
                  {Object.entries(run.counts)
                    .filter(([, value]) => value !== 0)
                    .slice(0, 6)
                    .map(([name, value]) => `${name} ${value}`)
                    .join(' · ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
