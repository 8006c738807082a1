import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { ErrorNote } from '../../components/error-note';
import { dateTime } from '../../lib/format';

/** At a glance: the embedder's state, the sync schedules, and each kind's latest run. */
export function StatusCards() {
  const status = useQuery({
    queryKey: ['status'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/status', { signal })),
    refetchInterval: 15_000,
  });
  if (status.isError) return <ErrorNote error={status.error} action="Status" />;
  if (!status.data) return null;
  const { embedding, schedules, latestRuns } = status.data;
  return (
    <div className="ops-grid">
      <section className="card" aria-labelledby="embedding-heading">
        <h2 id="embedding-heading">Embedding</h2>
        <p className="number">{embedding.pending}</p>
        <p className="hint">
          of {embedding.documents} documents wait for a vector ({embedding.modelId})
          {embedding.quarantined > 0 && `; ${embedding.quarantined} set aside`} · model circuit:{' '}
          {embedding.modelCircuit ?? 'seen by the embedding service only'}
        </p>
      </section>
      <section className="card" aria-labelledby="schedules-heading">
        <h2 id="schedules-heading">Schedules</h2>
        {schedules.problem && <p className="hint">{schedules.problem}</p>}
        <ul>
          {schedules.items.map((schedule) => (
            <li key={`${schedule.source}:${schedule.mode}`}>
              {schedule.source} {schedule.mode}:{' '}
              {schedule.enabled
                ? `${schedule.cron}, next ${dateTime(schedule.nextRunAt)}`
                : `off (${schedule.offReason ?? 'disabled'})`}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="latest-heading">
        <h2 id="latest-heading">Latest runs</h2>
        <ul>
          {Object.entries(latestRuns).map(([kind, run]) => (
            <li key={kind}>
              {kind}:{' '}
              {run ? `${run.status}, ${dateTime(run.finishedAt ?? run.startedAt)}` : 'never ran'}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
