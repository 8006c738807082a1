import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { paths } from '../../../../docs/02-api/openapi';
import { api, ok } from '../../api/client';
import { ErrorNote } from '../../components/error-note';
import { dateTime } from '../../lib/format';

/** Rows a stage set aside: how many are open where, and each row's reason and payload. */
type Stage = NonNullable<NonNullable<paths['/api/v1/quarantine']['get']['parameters']['query']>['stage']>; // prettier-ignore

export function QuarantineBrowser() {
  const [stage, setStage] = useState<Stage | ''>('');
  const summary = useQuery({
    queryKey: ['quarantine', 'summary'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/quarantine/summary', { signal })),
  });
  const rows = useInfiniteQuery({
    queryKey: ['quarantine', stage],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      ok(
        api.GET('/api/v1/quarantine', {
          params: {
            query: { open: true, limit: 20, cursor: pageParam, ...(stage ? { stage } : {}) },
          },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = rows.data?.pages.flatMap((page) => page.items) ?? [];
  const stages = [...new Set(summary.data?.items.map((line) => line.stage) ?? [])];

  return (
    <section aria-labelledby="quarantine-heading">
      <h2 id="quarantine-heading">Quarantine</h2>
      {summary.isError && <ErrorNote error={summary.error} />}
      {summary.data && (
        <p className="hint">
          {summary.data.items.length === 0
            ? 'Nothing set aside.'
            : summary.data.items
                .map((line) => `${line.stage}/${line.sourceTable}: ${line.open} open`)
                .join(' · ')}
        </p>
      )}
      <label>
        Stage{' '}
        <select value={stage} onChange={(event) => setStage(event.target.value as Stage | '')}>
          <option value="">every stage</option>
          {stages.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      {rows.isError && <ErrorNote error={rows.error} />}
      {items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Stage</th>
              <th scope="col">Table and key</th>
              <th scope="col">Reason</th>
              <th scope="col">Set aside</th>
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={row.id}>
                <td>{row.id}</td>
                <td>{row.stage}</td>
                <td>
                  {row.sourceTable} <span className="small">{row.sourceKey ?? ''}</span>
                </td>
                <td>
                  {row.reason}
                  <details>
                    <summary>Payload</summary>
                    <pre className="payload">{JSON.stringify(row.payload, null, 2)}</pre>
                  </details>
                </td>
                <td>{dateTime(row.quarantinedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.hasNextPage && (
        <button
          type="button"
          className="more"
          onClick={() => rows.fetchNextPage()}
          disabled={rows.isFetchingNextPage}
        >
          More rows
        </button>
      )}
    </section>
  );
}
