import { useQuery } from '@tanstack/react-query';
import { api, ok, type Schema } from '../../api/client';

type RunKind = Schema<'RunDto'>['kind'];

/** A run's record by its kind's route: the one every `…/runs/{id}` answers with. */
export function fetchRun(kind: RunKind, id: string, signal?: AbortSignal) {
  const path = { params: { path: { id } }, signal };
  switch (kind) {
    case 'sync':
      return ok(api.GET('/api/v1/ingestion/runs/{id}', path));
    case 'transform':
      return ok(api.GET('/api/v1/transform/runs/{id}', path));
    case 'validate':
      return ok(api.GET('/api/v1/validate/runs/{id}', path));
    case 'match':
      return ok(api.GET('/api/v1/matching/runs/{id}', path));
    case 'embed':
      throw new Error('Embedding runs are started by events, not followed here');
  }
}

/** Polls a run every second until it ends. */
export function useFollowedRun(kind: RunKind, id: string | null) {
  return useQuery({
    queryKey: ['run', kind, id],
    enabled: id !== null,
    queryFn: ({ signal }) => fetchRun(kind, id!, signal),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false),
  });
}
