import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ok, type Schema } from '../../api/client';
import { ErrorNote } from '../../components/error-note';
import { duration } from '../../lib/format';
import { useFollowedRun } from './follow-run';

type Accepted = Schema<'AcceptedRunDto'>;

const STARTERS: { label: string; start: () => Promise<Accepted> }[] = [
  { label: 'Sync odoo', start: () => ok(api.POST('/api/v1/ingestion/{source}/sync', { params: { path: { source: 'odoo' } }, body: { mode: 'incremental' } })) }, // prettier-ignore
  { label: 'Sync apn', start: () => ok(api.POST('/api/v1/ingestion/{source}/sync', { params: { path: { source: 'apn' } }, body: { mode: 'incremental' } })) }, // prettier-ignore
  { label: 'Transform all', start: () => ok(api.POST('/api/v1/transform/{entity}', { params: { path: { entity: 'all' } } })) }, // prettier-ignore
  { label: 'Validate', start: () => ok(api.POST('/api/v1/validate/run')) },
  { label: 'Match', start: () => ok(api.POST('/api/v1/matching/run')) },
];

/** Buttons that start a job and follow its run to the end. */
export function RunStarter() {
  const queries = useQueryClient();
  const [started, setStarted] = useState<Accepted | null>(null);
  const start = useMutation({
    mutationFn: (index: number) => STARTERS[index].start(),
    onSuccess: setStarted,
  });
  const run = useFollowedRun(started?.kind ?? 'transform', started?.id ?? null);
  const status = run.data?.status ?? started?.status;
  // A run we lost track of (its record unreadable) no longer holds the buttons.
  const finished = (status !== undefined && status !== 'running') || run.isError;
  useEffect(() => {
    // A run that ended changed the lists below.
    if (finished) void queries.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'run' }); // prettier-ignore
  }, [finished, queries]);

  return (
    <section className="card" aria-labelledby="start-heading">
      <h2 id="start-heading">Start a run</h2>
      <div className="actions">
        {STARTERS.map((starter, index) => (
          <button
            key={starter.label}
            type="button"
            disabled={start.isPending || (started !== null && !finished)}
            onClick={() => start.mutate(index)}
          >
            {starter.label}
          </button>
        ))}
      </div>
      <p role="status" className="run-status">
        {started &&
          `${started.kind} run ${started.id}: ${status === 'running' ? 'running…' : status}` +
            (finished && run.data ? ` in ${duration(run.data.durationMs)}` : '')}
      </p>
      {run.data?.error && <p className="error">{run.data.error}</p>}
      {start.isError && <ErrorNote error={start.error} action="Not started" />}
      {run.isError && <ErrorNote error={run.error} action="Lost track of the run" />}
    </section>
  );
}
