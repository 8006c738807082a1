import type { CircuitState, RunStatus } from '@revops/core';

/** One source and mode's sync schedule. */
export class SyncScheduleDto {
  source: 'odoo' | 'apn';
  /** `incremental` (SYNC_INCREMENTAL_CRON) or `full`, the nightly reconciliation (SYNC_RECONCILE_CRON). */
  mode: 'incremental' | 'full';
  enabled: boolean;
  /** The cron expression, in the server's time zone. */
  cron: string;
  /** ISO 8601 timestamp of the next run; null when off (or the expression cannot be read). */
  nextRunAt: string | null;
  /** Why it is off (`SYNC_SCHEDULES_ENABLED=false`, `No ODOO_DB_URL`…); null when enabled. */
  offReason: string | null;
}

/** The scheduled syncs, as the ingestion settings set them. */
export class SyncSchedulesDto {
  /** Which process runs them: `this-process` (the all-in-one), or `ingestion-service` (the ingestion process, `npm run start:ingestion`; this API process does not schedule). The items are read from this process's settings, which a deployment shares with that service (the same environment). */
  runBy: 'this-process' | 'ingestion-service';
  /** Why the settings cannot be read here (names the variable, never its value); null when they can. */
  problem: string | null;
  /** Each source (`odoo`, `apn`) and mode; empty when `problem` is set. */
  items: SyncScheduleDto[];
}

/** The search documents and their vectors for the model this process embeds with. */
export class EmbeddingStateDto {
  /** The embedding model, e.g. `Xenova/bge-m3`. */
  modelId: string;
  /** Search documents (live, not held-back opportunities). */
  documents: number;
  /** Documents whose vector is of their current text. */
  embedded: number;
  /** Documents waiting for a vector (none yet, or of an older text): the next embedding run embeds them. */
  pending: number;
  /** Documents without a current vector that the model failed on: set aside until their text changes (GET /api/v1/quarantine?stage=embedding). */
  quarantined: number;
  /** `closed` (the model is being called), `open` or `half-open` (resting after failures); null when this process does not run the embedding worker (see `runBy`). */
  modelCircuit: CircuitState | null;
  /** Which process runs the embedding worker: `this-process` (the all-in-one), or `embedding-service` (its own process, whose circuit this one cannot see). */
  runBy: 'this-process' | 'embedding-service';
}

/** A kind's newest run, for a glance. */
export class LatestRunDto {
  /** The run's id: GET /api/v1/runs?kind=… lists it. */
  id: string;
  /** A sync's source, else the job's name. */
  name: string;
  status: RunStatus;
  /** ISO 8601 timestamp. */
  startedAt: string;
  /** ISO 8601 timestamp; null while it runs. */
  finishedAt: string | null;
}

/** Each kind's newest run; null for a kind that never ran. */
export class LatestRunsDto {
  sync: LatestRunDto | null;
  transform: LatestRunDto | null;
  validate: LatestRunDto | null;
  embed: LatestRunDto | null;
  match: LatestRunDto | null;
}

/** What an operator checks first. */
export class StatusDto {
  schedules: SyncSchedulesDto;
  embedding: EmbeddingStateDto;
  latestRuns: LatestRunsDto;
}
