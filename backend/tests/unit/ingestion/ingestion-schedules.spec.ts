import { SchedulerRegistry } from '@nestjs/schedule';
import { JobRunsService, loadConfig } from '@revops/core';
import { IngestionService } from '@revops/ingestion';
import { IngestionConfig } from '@revops/ingestion/ingestion.config';
import { IngestionSchedules } from '@revops/ingestion/ingestion.schedules';
import { syncSchedules } from '@revops/ingestion/sync-schedules';

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

describe('syncSchedules', () => {
  const plan = (env: NodeJS.ProcessEnv) =>
    syncSchedules(loadConfig(IngestionConfig, env)).map(
      ({ source, mode, cron, off }) => `${source}:${mode} ${cron} ${off ?? 'on'}`,
    );

  it('lists every source and mode with its cron and, when off, why', () => {
    expect(
      plan({
        APN_CONNECTOR: 'api',
        ODOO_DB_URL: 'postgres://reader@odoo-db:5432/odoo',
        SYNC_INCREMENTAL_CRON: '*/5 * * * *',
      }),
    ).toEqual([
      'odoo:incremental */5 * * * * on',
      'odoo:full 30 2 * * * on',
      'apn:incremental */5 * * * * Partner Central (APN_CONNECTOR=api) is synced nightly only',
      'apn:full 30 2 * * * on',
    ]);
    expect(plan({ SYNC_SCHEDULES_ENABLED: 'false' })).toEqual([
      'odoo:incremental */15 * * * * SYNC_SCHEDULES_ENABLED=false',
      'odoo:full 30 2 * * * SYNC_SCHEDULES_ENABLED=false',
      'apn:incremental */15 * * * * SYNC_SCHEDULES_ENABLED=false',
      'apn:full 30 2 * * * SYNC_SCHEDULES_ENABLED=false',
    ]);
    expect(plan({})).toEqual([
      'odoo:incremental */15 * * * * No ODOO_DB_URL',
      'odoo:full 30 2 * * * No ODOO_DB_URL',
      'apn:incremental */15 * * * * No APN_DB_URL',
      'apn:full 30 2 * * * No APN_DB_URL',
    ]);
  });
});
