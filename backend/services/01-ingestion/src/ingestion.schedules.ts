import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DomainException, JobRunsService } from '@revops/core';
import { CronJob } from 'cron';
import { IngestionConfig } from './ingestion.config';
import { IngestionService } from './ingestion.service';
import { syncJobName, syncSchedules } from './sync-schedules';
import { SyncMode } from './sync/sync-engine.service';

/**
 * Registers the sync schedules from configuration. A tick only starts the work: the
 * sync's advisory lock means one replica runs it and the others record a skip.
 */
@Injectable()
export class IngestionSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(IngestionSchedules.name);

  constructor(
    private readonly config: IngestionConfig,
    private readonly ingestion: IngestionService,
    private readonly jobs: JobRunsService,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.SYNC_SCHEDULES_ENABLED) {
      this.logger.log({ msg: 'Scheduled syncs off (SYNC_SCHEDULES_ENABLED=false)' });
      return;
    }
    for (const { source, mode, cron, off } of syncSchedules(this.config)) {
      if (off) this.logger.log({ msg: 'Scheduled sync off', source, mode, reason: off });
      else this.schedule(source, mode, cron);
    }
  }

  /** One scheduled run, now. Returns what happened, for logs and tests. */
  async runNow(source: 'odoo' | 'apn', mode: SyncMode): Promise<'ran' | 'skipped' | 'failed'> {
    const jobName = syncJobName(source, mode);
    let started: Awaited<ReturnType<IngestionService['startSync']>>;
    try {
      started = await this.ingestion.startSync(source, { mode, triggeredBy: 'schedule' });
    } catch (error) {
      if (error instanceof DomainException && error.code === 'conflict') {
        await this.jobs.skipped(jobName, 'schedule', `${error.message}; this instance skipped it`);
        return 'skipped';
      }
      this.logger.error({ msg: 'Scheduled sync could not start', jobName, error: String(error) });
      return 'failed';
    }
    try {
      await this.jobs.track(jobName, 'schedule', async () => {
        const result = await started.done;
        return { syncRunId: result.syncRunId, ...result.counts };
      });
      return 'ran';
    } catch {
      return 'failed'; // JobRunsService recorded and logged it
    }
  }

  private schedule(source: 'odoo' | 'apn', mode: SyncMode, cron: string): void {
    const job = CronJob.from({ cronTime: cron, onTick: () => void this.runNow(source, mode) });
    this.registry.addCronJob(syncJobName(source, mode), job);
    job.start();
    this.logger.log({ msg: 'Scheduled sync', source, mode, cron });
  }
}
