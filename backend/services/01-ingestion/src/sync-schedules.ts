import type { IngestionConfig } from './ingestion.config';
import type { SyncMode } from './sync/sync-engine.service';

export type SyncSource = 'odoo' | 'apn';

/** One source and mode's sync schedule as the configuration sets it. */
export interface SyncSchedule {
  source: SyncSource;
  mode: SyncMode;
  /** The cron expression (server time zone). */
  cron: string;
  /** Why the schedule is off; null when it runs. */
  off: string | null;
}

/** The cron job's name in the scheduler, and the job_runs name of its runs. */
export const syncJobName = (source: SyncSource, mode: SyncMode): string => `sync:${source}:${mode}`;

/**
 * The four sync schedules (each source, incremental and full) and which of them run: all
 * but those SYNC_SCHEDULES_ENABLED turns off, a `db` source without its URL, and Partner
 * Central's incremental one (it reads every opportunity, about 17 minutes per 10,000 at
 * 10 reads a second: every 15 minutes it would hold the account's read quota). The one
 * rule for IngestionSchedules, which registers them, and GET /api/v1/status, which shows them.
 */
export function syncSchedules(config: IngestionConfig): SyncSchedule[] {
  return (['odoo', 'apn'] as const).flatMap((source) => {
    const missing = config.missingForSource(source);
    return (['incremental', 'full'] as const).map((mode) => {
      let off: string | null = null;
      if (!config.SYNC_SCHEDULES_ENABLED) off = 'SYNC_SCHEDULES_ENABLED=false';
      else if (missing) off = missing;
      else if (source === 'apn' && mode === 'incremental' && config.APN_CONNECTOR === 'api') {
        off = 'Partner Central (APN_CONNECTOR=api) is synced nightly only';
      }
      const cron = mode === 'full' ? config.SYNC_RECONCILE_CRON : config.SYNC_INCREMENTAL_CRON;
      return { source, mode, cron, off };
    });
  });
}
