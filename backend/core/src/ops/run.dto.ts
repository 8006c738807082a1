import type { JobRunEntity, SyncRunEntity } from '@revops/models';
import { summaryCounts } from '../metrics/summary-counts';

/** What a run did: the first part of a job's name, or `sync` for a source sync. */
export type RunKind = 'sync' | 'transform' | 'validate' | 'embed' | 'match';
export const RUN_KINDS: readonly RunKind[] = ['sync', 'transform', 'validate', 'embed', 'match'];

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'skipped';
export const RUN_STATUSES: readonly RunStatus[] = ['running', 'succeeded', 'failed', 'skipped'];

/**
 * One run of any job, the one shape every `…/runs` route answers with: a sync, a
 * transform, a validation, an embedding or a matching run (or a matching model training).
 */
export class RunDto {
  /** The run's id (a string of digits). */
  id: string;
  kind: RunKind;
  /** What ran: a sync's source (`odoo`, `apn`), else the job (`transform:odoo-opportunities`, `match:train`). */
  name: string;
  status: RunStatus;
  /** `schedule`, `api:<key name>` or `script:<name>`; null when the run did not record it. */
  triggeredBy: string | null;
  /** ISO 8601 timestamp. */
  startedAt: string;
  /** ISO 8601 timestamp; null while it runs. */
  finishedAt: string | null;
  durationMs: number | null;
  /** The run's numbers at a glance: `read`, `inserted`, `updated`, `unchanged`, `deleted`, `quarantined` for a sync; for a job every number of its summary, nested ones as dotted paths (`quarantined.odooOpportunities`). */
  counts: Record<string, number>;
  /** Why it failed; null otherwise (a skipped run says why in `details.reason`). */
  error: string | null;
  /** The run's record: a sync's mode and connector, a job's whole summary. */
  details: Record<string, unknown>;
}

/** A page of runs, newest first. */
export class RunPageDto {
  items: RunDto[];
  /** The cursor of the next page; null on the last one. */
  nextCursor: string | null;
}

export function runOfSync(row: SyncRunEntity): RunDto {
  const { triggeredBy, ...details } = row.details as { triggeredBy?: unknown };
  return {
    id: row.id,
    kind: 'sync',
    name: row.source,
    status: row.status,
    triggeredBy: typeof triggeredBy === 'string' ? triggeredBy : null,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
    counts: {
      read: row.rowsRead,
      inserted: row.rowsInserted,
      updated: row.rowsUpdated,
      unchanged: row.rowsUnchanged,
      deleted: row.rowsDeleted,
      quarantined: row.rowsQuarantined,
    },
    error: withoutServerPaths(row.error),
    details: withoutServerPaths({ mode: row.mode, ...details }),
  };
}

export function runOfJob(row: JobRunEntity): RunDto {
  const details = withoutServerPaths(row.details);
  return {
    id: row.id,
    kind: row.jobName.split(':')[0] as RunKind,
    name: row.jobName,
    status: row.status,
    triggeredBy: row.triggeredBy,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
    counts: summaryCounts(details),
    error: withoutServerPaths(row.error),
    details,
  };
}

/**
 * An absolute file path, at the start or after a space, quote, bracket, `=`, `:` or comma:
 * `/srv/data/odoo` → `…/odoo`. (A URL's `//host/path` is not one: its `/` follows `:/`.)
 */
const SERVER_PATH = /(^|[\s'"(=:,])\/(?:[^\s/'"),]+\/)*([^\s/'"),]+)/g;

/**
 * A run record as stored keeps the directories it read (for engineers, in SQL); an answer
 * names only the last part of each, so no server path leaves the process.
 */
export function withoutServerPaths<T>(value: T): T {
  if (typeof value === 'string') return value.replace(SERVER_PATH, '$1…/$2') as T;
  if (Array.isArray(value)) return value.map(withoutServerPaths) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, withoutServerPaths(inner)]),
    ) as T;
  }
  return value;
}

/** The 202 answer to a run started on request: follow `links.run` to its end. */
export class AcceptedRunDto {
  /** The run's id. */
  id: string;
  kind: RunKind;
  status: 'running';
  links: RunLinksDto;
}

export class RunLinksDto {
  /** The path of the run's record, e.g. `/api/v1/transform/runs/42`. */
  run: string;
}
