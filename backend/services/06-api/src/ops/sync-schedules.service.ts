import { Inject, Injectable, Optional } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ConfigValidationException, loadConfig } from '@revops/core';
import { IngestionConfig, syncSchedules } from '@revops/ingestion';
import { nextCronTime } from './next-cron-time';
import { SyncSchedulesDto } from './status.dto';

/** The ingestion settings as this process reads them, or why it cannot. */
export const INGESTION_SETTINGS = Symbol('INGESTION_SETTINGS');
export type IngestionSettings = { config: IngestionConfig } | { problem: string };

/**
 * Read once, at boot. A process that only serves the API must start whatever the ingestion
 * settings say: a problem with them is shown by GET /api/v1/status, not fatal here (the
 * ingestion service itself refuses to start with them).
 */
export function readIngestionSettings(env: NodeJS.ProcessEnv = process.env): IngestionSettings {
  try {
    return { config: loadConfig(IngestionConfig, env) };
  } catch (error) {
    if (error instanceof ConfigValidationException) return { problem: error.message };
    throw error;
  }
}

/**
 * The sync schedules, computed from the settings (syncSchedules, the rule IngestionSchedules
 * registers them by): the API process does not run them, so it cannot ask a scheduler.
 */
@Injectable()
export class SyncSchedulesService {
  constructor(
    @Inject(INGESTION_SETTINGS) private readonly settings: IngestionSettings,
    // Present only where @nestjs/schedule is loaded: with IngestionSchedulesModule (all-in-one).
    @Optional() private readonly scheduler?: SchedulerRegistry,
  ) {}

  state(now: Date): SyncSchedulesDto {
    const runBy = this.scheduler ? 'this-process' : 'ingestion-service';
    if ('problem' in this.settings) return { runBy, problem: this.settings.problem, items: [] };
    return {
      runBy,
      problem: null,
      items: syncSchedules(this.settings.config).map(({ source, mode, cron, off }) => {
        const next = off ? null : nextCronTime(cron, now);
        return {
          source,
          mode,
          enabled: off === null,
          cron,
          nextRunAt: next?.toISOString() ?? null,
          offReason: off,
        };
      }),
    };
  }
}
