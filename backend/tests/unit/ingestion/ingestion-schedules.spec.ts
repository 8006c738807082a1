import { SchedulerRegistry } from '@nestjs/schedule';
import { JobRunsService, loadConfig } from '@revops/core';
import { IngestionService } from '@revops/ingestion';
import { IngestionConfig } from '@revops/ingestion/ingestion.config';
import { IngestionSchedules } from '@revops/ingestion/ingestion.schedules';

/** The cron jobs registered for this environment (and stopped again). */
function scheduledJobs(env: NodeJS.ProcessEnv): string[] {
  const registry = new SchedulerRegistry();
  const schedules = new IngestionSchedules(
    loadConfig(IngestionConfig, env),
    {} as IngestionService,
    {} as JobRunsService,
    registry,
  );
  schedules.onApplicationBootstrap();
  const jobs = registry.getCronJobs();
  jobs.forEach((job) => void job.stop());
  return [...jobs.keys()].sort();
}

describe('IngestionSchedules', () => {
  it('schedules every source whose connector can read it, whatever the connector', () => {
    expect(
      scheduledJobs({
        ODOO_CONNECTOR: 'json2',
        ODOO_API_URL: 'https://odoo.example.com',
        ODOO_API_DATABASE: 'prod',
        ODOO_API_KEY: 'key',
        APN_CONNECTOR: 'files',
        APN_FILES_DIR: '/data/ace-exports',
      }),
    ).toEqual(['sync:apn:full', 'sync:apn:incremental', 'sync:odoo:full', 'sync:odoo:incremental']);
  });

  it('syncs Partner Central nightly only: its incremental run reads every opportunity', () => {
    expect(scheduledJobs({ APN_CONNECTOR: 'api' })).toEqual(['sync:apn:full']);
  });

  it('leaves out a database source without its URL, and everything when switched off', () => {
    expect(scheduledJobs({ ODOO_DB_URL: 'postgres://reader@odoo-db:5432/odoo' })).toEqual([
      'sync:odoo:full',
      'sync:odoo:incremental',
    ]);
    expect(
      scheduledJobs({
        ODOO_DB_URL: 'postgres://reader@odoo-db:5432/odoo',
        SYNC_SCHEDULES_ENABLED: 'false',
      }),
    ).toEqual([]);
  });
});
