/** One dependency as readiness saw it. */
export class DependencyStatusDto {
  status: 'up' | 'down';
  /** Why it is down: no answer within the timeout, or the error's code. */
  message?: string;
}

/** /health/live: the process answers. */
export class LivenessDto {
  status: 'ok';
  service: string;
  uptimeSeconds: number;
}

/**
 * /health/ready (@nestjs/terminus's shape): 200 with status `ok` when every dependency
 * answered within HEALTH_CHECK_TIMEOUT_MS, else 503 with status `error` and the failing
 * ones under `error`.
 */
export class ReadinessDto {
  status: 'ok' | 'error';
  service: string;
  /** The dependencies that answered. */
  info: Record<string, DependencyStatusDto>;
  /** The dependencies that did not; empty when ready. */
  error: Record<string, DependencyStatusDto>;
  /** Every dependency checked. */
  details: Record<string, DependencyStatusDto>;
}

/** The database as /health saw it. */
export class DatabaseHealthDto {
  /** `postgres` (DATABASE_URL) or `pglite` (the embedded database). */
  kind: 'postgres' | 'pglite';
  status: 'up' | 'down';
  /** Why it is down: no answer within HEALTH_CHECK_TIMEOUT_MS, or the error's code. */
  message?: string;
}

/**
 * /health: 200 with status `ok` when the database answered within
 * HEALTH_CHECK_TIMEOUT_MS, else 503 with status `degraded`.
 */
export class HealthDto {
  status: 'ok' | 'degraded';
  service: string;
  database: DatabaseHealthDto;
  uptimeSeconds: number;
}
