import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { paths } from '../../../../docs/02-api/openapi';
import { api, ok, type Schema } from '../../api/client';
import { ErrorNote } from '../../components/error-note';
import { money, percent } from '../../lib/format';
import { ShortcutsToggle, useShortcuts } from '../../lib/shortcuts';
import { usePageTitle } from '../../lib/use-page-title';
import { ComparePanel } from './compare-panel';
import { rememberQueue } from './queue-order';
import { StatusBadge, statusLabel } from './status-badge';

type MatchQuery = NonNullable<paths['/api/v1/matches']['get']['parameters']['query']>;
type Status = NonNullable<MatchQuery['status']>[number];
const STATUSES: Status[] = ['proposed', 'auto_linked', 'approved', 'rejected'];

/** The queue's filters, from its URL: by default what waits for a decision. */
function queryOf(params: URLSearchParams): MatchQuery {
  const status = params.getAll('status').filter((s): s is Status => (STATUSES as string[]).includes(s)); // prettier-ignore
  const query: MatchQuery = { status: status.length ? status : ['proposed'], limit: 50 };
  const min = params.get('minProbability');
  const max = params.get('maxProbability');
  const customer = params.get('customer')?.trim();
  if (min) query.minProbability = min as unknown as number; // the API names a bad number
  if (max) query.maxProbability = max as unknown as number;
  if (customer) query.customer = customer;
  return query;
}

export default function ReviewQueuePage() {
  const [params, setParams] = useSearchParams();
  const { search } = useLocation();
  usePageTitle('Review queue');
  const query = queryOf(params);
  const matches = useInfiniteQuery({
    queryKey: ['matches', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      ok(api.GET('/api/v1/matches', { params: { query: { ...query, cursor: pageParam } }, signal })), // prettier-ignore
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = matches.data?.pages.flatMap((page) => page.items) ?? [];
  const ids = items.map((item) => item.id);
  useEffect(() => rememberQueue(ids, search), [ids.join(','), search]); // eslint-disable-line react-hooks/exhaustive-deps

  const [selected, setSelected] = useState(0);
  const rows = useRef<(HTMLAnchorElement | null)[]>([]);
  const select = (index: number) => {
    const at = Math.max(0, Math.min(items.length - 1, index));
    setSelected(at);
    rows.current[at]?.focus();
  };
  // j / k move the focus between the rows' links; Enter on a link opens it, as links do.
  useShortcuts({ j: () => select(selected + 1), k: () => select(selected - 1) });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const status of form.getAll('status')) next.append('status', String(status));
    for (const name of ['minProbability', 'maxProbability', 'customer']) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
    }
    setSelected(0);
    setParams(next);
  }

  return (
    <section aria-labelledby="queue-heading">
      <h1 id="queue-heading">Review queue</h1>
      <form className="queue-filters" onSubmit={submit} key={params.toString()}>
        <fieldset>
          <legend>Status</legend>
          {STATUSES.map((status) => (
            <label key={status}>
              <input
                type="checkbox"
                name="status"
                value={status}
                defaultChecked={query.status?.includes(status)}
              />
              {statusLabel(status)}
            </label>
          ))}
        </fieldset>
        <label>
          P from
          <input
            name="minProbability"
            type="number"
            min={0}
            max={1}
            step={0.01}
            defaultValue={params.get('minProbability') ?? ''}
          />
        </label>
        <label>
          P to
          <input
            name="maxProbability"
            type="number"
            min={0}
            max={1}
            step={0.01}
            defaultValue={params.get('maxProbability') ?? ''}
          />
        </label>
        <label>
          Customer
          <input name="customer" maxLength={200} defaultValue={params.get('customer') ?? ''} />
        </label>
        <button type="submit">Filter</button>
      </form>
      <p className="hint">
        Keys: j / k move, Enter opens; on a match, a approves, r rejects.{' '}
        <ShortcutsToggle keys="j, k, a, r" />
      </p>

      {matches.isError && <ErrorNote error={matches.error} action="Could not load the queue" />}
      {matches.isPending && <p className="loading">Loading matches…</p>}
      <p
        role="status"
        className={matches.isSuccess && items.length === 0 ? 'empty' : 'visually-hidden'}
      >
        {matches.isSuccess &&
          (items.length === 0 ? 'No matches with these filters.' : `${items.length} matches shown`)}
      </p>
      {items.length > 0 && (
        <table className="queue">
          <caption className="visually-hidden">Matches, newest first</caption>
          <thead>
            <tr>
              <th scope="col">P(same deal)</th>
              <th scope="col">Status</th>
              <th scope="col">Odoo lead</th>
              <th scope="col">ACE opportunity</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => (
              <tr key={item.id} className={index === selected ? 'selected' : undefined}>
                <td>
                  <Link
                    to={`/review/${item.id}`}
                    ref={(element) => {
                      rows.current[index] = element;
                    }}
                    onFocus={() => setSelected(index)}
                    aria-label={`Match ${item.id}: ${percent(item.probability)}, ${summaryText(item.odoo)} and ${summaryText(item.ace)}`}
                  >
                    {percent(item.probability)}
                  </Link>
                </td>
                <td>
                  <StatusBadge status={item.status} />
                </td>
                <td>
                  <RecordSummary record={item.odoo} id={item.odooId} />
                </td>
                <td>
                  <RecordSummary record={item.ace} id={item.aceId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {matches.hasNextPage && (
        <button
          type="button"
          className="more"
          onClick={() => matches.fetchNextPage()}
          disabled={matches.isFetchingNextPage}
        >
          {matches.isFetchingNextPage ? 'Loading more…' : 'More matches'}
        </button>
      )}

      <ComparePanel />
    </section>
  );
}

type Item = Schema<'MatchPageDto'>['items'][number];
type Summary = Item['odoo'];

const summaryText = (record: Summary): string =>
  record ? `${record.title ?? '(untitled)'} for ${record.customer ?? 'unknown customer'}` : 'a record no longer in CORE'; // prettier-ignore

function RecordSummary({ record, id }: { record: Summary; id: string }) {
  if (!record) return <span className="hint">{id} (no longer in CORE)</span>;
  return (
    <>
      <span className="summary-title">{record.title ?? '(untitled)'}</span>
      <span className="summary-customer">{record.customer ?? '—'}</span>
      <span className="summary-facts">
        {[record.stage, money(record.amount, record.currency), record.closeDate]
          .filter(Boolean)
          .join(' · ')}
      </span>
    </>
  );
}
