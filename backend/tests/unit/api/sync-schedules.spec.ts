import { SchedulerRegistry } from '@nestjs/schedule';
import {
  readIngestionSettings,
  SyncSchedulesService,
} from '@revops/api/ops/sync-schedules.service';

const ODOO_DB = { ODOO_DB_URL: 'postgres://reader@odoo-db:5432/odoo' };
const at = new Date(2026, 11, 6, 10, 7, 30); // local time, as the scheduler reads cron

describe('SyncSchedulesService', () => {
  it('computes each schedule and its next run from the settings', () => {
    const state = new SyncSchedulesService(readIngestionSettings(ODOO_DB)).state(at);
    expect(state.runBy).toBe('ingestion-service');
    expect(state.problem).toBeNull();
    expect(state.items.map((s) => [s.source, s.mode, s.enabled, s.nextRunAt, s.offReason])).toEqual(
      [
        ['odoo', 'incremental', true, new Date(2026, 11, 6, 10, 15).toISOString(), null],
        ['odoo', 'full', true, new Date(2026, 11, 7, 2, 30).toISOString(), null],
        ['apn', 'incremental', false, null, 'No APN_DB_URL'],
        ['apn', 'full', false, null, 'No APN_DB_URL'],
      ],
    );
  });

  it('says this process runs them where the scheduler is loaded', () => {
    const service = new SyncSchedulesService(
      readIngestionSettings(ODOO_DB),
      new SchedulerRegistry(),
    );
    expect(service.state(at).runBy).toBe('this-process');
  });

  it('shows no next run for an expression the scheduler cannot read', () => {
    const settings = readIngestionSettings({ ...ODOO_DB, SYNC_INCREMENTAL_CRON: '99 * * * *' });
    const [incremental] = new SyncSchedulesService(settings).state(at).items;
    expect(incremental).toMatchObject({ enabled: true, cron: '99 * * * *', nextRunAt: null });
  });

  it('names the setting it cannot read instead of failing the API process', () => {
    const settings = readIngestionSettings({ ODOO_CONNECTOR: 'csv' });
    expect(settings).toEqual({ problem: expect.stringContaining('ODOO_CSV_DIR') });
    expect(new SyncSchedulesService(settings).state(at)).toEqual({
      runBy: 'ingestion-service',
      problem: expect.stringContaining('ODOO_CSV_DIR'),
      items: [],
    });
  });
});
