import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import type { Schema } from '../../api/client';
import { useSession } from '../../auth/session';
import { ErrorNote } from '../../components/error-note';
import { HitCard } from './hit-card';
import { usePageTitle } from '../../lib/use-page-title';
import { FILTER_NAMES, paramsOf, SEARCH_MODES, searchQueryOf } from './search-params';

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = searchQueryOf(params);
  const { identity } = useSession();
  usePageTitle(query ? `Search: ${query.q}` : 'Search');

  const results = useInfiniteQuery({
    queryKey: ['search', query],
    enabled: query !== null,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      ok(
        api.GET('/api/v1/search/opportunities', {
          params: { query: { ...query!, cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams(paramsOf(new FormData(event.currentTarget)));
  }

  const hits = results.data?.pages.flatMap((page) => page.hits) ?? [];
  const { fetchNextPage } = results;
  const more = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  return (
    <section aria-labelledby="search-heading">
      <h1 id="search-heading">Search opportunities</h1>
      <form className="search-form" role="search" onSubmit={submit} key={params.toString()}>
        <div className="query-row">
          <label htmlFor="q" className="visually-hidden">
            Describe the deal
          </label>
          <input
            id="q"
            name="q"
            type="search"
            placeholder="e.g. data warehouse migration for a retailer"
            defaultValue={params.get('q') ?? ''}
            maxLength={1000}
          />
          <button type="submit">Search</button>
        </div>
        <fieldset className="modes">
          <legend>Mode</legend>
          {SEARCH_MODES.map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name="mode"
                value={mode}
                defaultChecked={(params.get('mode') ?? 'hybrid') === mode}
              />
              {mode}
            </label>
          ))}
        </fieldset>
        <details className="filters" open={FILTERED.some((name) => params.has(name))}>
          <summary>Filters</summary>
          <div className="filter-grid">
            <label>
              Source
              <select name="source" defaultValue={params.get('source') ?? ''}>
                <option value="">Both</option>
                <option value="odoo">Odoo</option>
                <option value="ace">ACE</option>
              </select>
            </label>
            <label>
              Stages <small>(comma-separated; or open, won, lost)</small>
              <input name="stage" defaultValue={params.get('stage') ?? ''} />
            </label>
            <label>
              Countries <small>(ISO codes, e.g. DE,FR)</small>
              <input name="country" defaultValue={params.get('country') ?? ''} />
            </label>
            <label>
              Closing from
              <input
                type="date"
                name="closeDateFrom"
                defaultValue={params.get('closeDateFrom') ?? ''}
              />
            </label>
            <label>
              Closing to
              <input
                type="date"
                name="closeDateTo"
                defaultValue={params.get('closeDateTo') ?? ''}
              />
            </label>
            <label>
              Amount from
              <input
                type="number"
                name="amountMin"
                min={0}
                defaultValue={params.get('amountMin') ?? ''}
              />
            </label>
            <label>
              Amount to
              <input
                type="number"
                name="amountMax"
                min={0}
                defaultValue={params.get('amountMax') ?? ''}
              />
            </label>
            <label>
              Matched
              <select name="hasMatch" defaultValue={params.get('hasMatch') ?? ''}>
                <option value="">Either</option>
                <option value="true">Has a match</option>
                <option value="false">No match</option>
              </select>
            </label>
          </div>
        </details>
      </form>

      {query !== null && (
        <Understood
          interpreted={results.data?.pages[0]?.interpreted}
          literal={query.interpret === false}
          onSwitch={(literal) => {
            const next = new URLSearchParams(params);
            if (literal) next.set('interpret', 'false');
            else next.delete('interpret');
            setParams(next);
          }}
        />
      )}
      {query === null && (
        <p className="hint">Describe a deal, a customer or a product to search both sources.</p>
      )}
      {results.isError && !results.isFetchNextPageError && <ErrorNote error={results.error} />}
      {results.isPending && query !== null && <p className="loading">Searching…</p>}
      <p role="status" className={results.isSuccess && hits.length === 0 ? 'empty' : 'result-meta'}>
        {results.isSuccess &&
          hits.length === 0 &&
          `Nothing matches “${query?.q}” with these filters. Try another mode, or fewer filters.`}
        {hits.length > 0 &&
          `${hits.length} hits${results.hasNextPage ? ' so far' : ''} · ${results.data?.pages[0]?.mode} search` +
            (identity?.role === 'analyst' ? ' · contact details are masked for analysts' : '')}
      </p>
      {hits.length > 0 && (
        <ol className="hits" aria-label="Search results">
          {hits.map((hit) => (
            <HitCard key={`${hit.source}:${hit.id}`} hit={hit} />
          ))}
        </ol>
      )}
      {results.isFetchNextPageError && (
        <ErrorNote error={results.error} action="Could not load more" />
      )}
      {results.hasNextPage && (
        <MoreOnScroll
          onMore={more}
          busy={results.isFetchingNextPage}
          // After a failed page, more loads on request only, never by itself in a loop.
          auto={!results.isFetchNextPageError}
        />
      )}
    </section>
  );
}

/** The filters behind "Filters": all but the query, the mode and the interpretation switch. */
const FILTERED = FILTER_NAMES.filter((name) => !['q', 'mode', 'interpret'].includes(name));

type Interpreted = NonNullable<Schema<'SearchResultDto'>['interpreted']>;

/** What the API took from the words as filters, and the switch to match them as typed. */
function Understood({
  interpreted,
  literal,
  onSwitch,
}: {
  interpreted: Interpreted | null | undefined;
  literal: boolean;
  onSwitch: (literal: boolean) => void;
}) {
  if (literal) {
    return (
      <p className="understood">
        Matching the words as typed.{' '}
        <button type="button" className="link-button" onClick={() => onSwitch(false)}>
          Understand places, industries, stages, amounts and dates
        </button>
      </p>
    );
  }
  if (!interpreted) return null;
  const { text, ...filters } = interpreted;
  const parts = Object.entries(filters).map(
    ([name, value]) => `${UNDERSTOOD[name] ?? name} ${value}`,
  );
  return (
    <p className="understood">
      Understood as {parts.join(' · ')}
      {text ? `, matching “${text}”` : ''}.{' '}
      <button type="button" className="link-button" onClick={() => onSwitch(true)}>
        Search the words as typed
      </button>
    </p>
  );
}

const UNDERSTOOD: Record<string, string> = {
  country: 'country',
  industry: 'industry',
  stage: 'stage',
  amountMin: 'amount from',
  amountMax: 'amount up to',
  closeDateFrom: 'closing from',
  closeDateTo: 'closing by',
};

/** A "More results" button that also presses itself when scrolled into view. */
function MoreOnScroll({
  onMore,
  busy,
  auto,
}: {
  onMore: () => void;
  busy: boolean;
  auto: boolean;
}) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const target = button.current;
    if (!target || busy || !auto || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onMore();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [onMore, busy, auto]);
  return (
    <button ref={button} type="button" className="more" onClick={onMore} disabled={busy}>
      {busy ? 'Loading more…' : 'More results'}
    </button>
  );
}
