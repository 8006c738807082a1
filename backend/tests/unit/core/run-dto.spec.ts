import { runOfJob, runOfSync, withoutServerPaths } from '@revops/core';
import type { JobRunEntity, SyncRunEntity } from '@revops/models';

describe('the run shape', () => {
  const startedAt = new Date('2026-12-06T10:00:00Z');
  const finishedAt = new Date('2026-12-06T10:00:02Z');

  it('sends a sync run with its counts, who triggered it, and no server path', () => {
    const row: SyncRunEntity = {
      id: '7',
      source: 'odoo',
      mode: 'full',
      status: 'failed',
      startedAt,
      finishedAt,
      durationMs: 2000,
      rowsRead: 44,
      rowsInserted: 35,
      rowsUpdated: 0,
      rowsUnchanged: 0,
      rowsDeleted: 0,
      rowsQuarantined: 9,
      error: "/srv/exports/odoo/crm_lead.csv: line 3: stage_id: no crm.stage named 'x'",
      details: { connector: 'odoo-csv /srv/exports/odoo', triggeredBy: 'api-key:ana', since: null },
    };
    expect(runOfSync(row)).toEqual({
      id: '7',
      kind: 'sync',
      name: 'odoo',
      status: 'failed',
      triggeredBy: 'api-key:ana',
      startedAt: '2026-12-06T10:00:00.000Z',
      finishedAt: '2026-12-06T10:00:02.000Z',
      durationMs: 2000,
      counts: { read: 44, inserted: 35, updated: 0, unchanged: 0, deleted: 0, quarantined: 9 },
      error: "…/crm_lead.csv: line 3: stage_id: no crm.stage named 'x'",
      details: { mode: 'full', connector: 'odoo-csv …/odoo', since: null },
    });
  });

  it("sends a job run's kind from its name and every number of its summary as a count", () => {
    const row: JobRunEntity = {
      id: '42',
      jobName: 'transform:opportunities',
      status: 'succeeded',
      startedAt,
      finishedAt: null,
      durationMs: null,
      triggeredBy: 'schedule',
      details: { odooOpportunities: 10, quarantined: { odooOpportunities: 2 }, note: 'ok' },
      error: null,
    };
    expect(runOfJob(row)).toMatchObject({
      id: '42',
      kind: 'transform',
      name: 'transform:opportunities',
      finishedAt: null,
      counts: { odooOpportunities: 10, 'quarantined.odooOpportunities': 2 },
      details: row.details,
    });
  });

  it.each([
    ['/srv/data/odoo', '…/odoo'],
    ['dir=/srv/data/odoo, next', 'dir=…/odoo, next'],
    ["cannot read '/tmp/x/crm_lead.csv'", "cannot read '…/crm_lead.csv'"],
    ['(/var/lib/revops/pglite)', '(…/pglite)'],
    [
      'odoo-jsonrpc https://odoo.example.com/web db demo',
      'odoo-jsonrpc https://odoo.example.com/web db demo',
    ],
    ['1/2 of the rows, and/or more', '1/2 of the rows, and/or more'],
  ])('shortens the server paths in %j', (text, sent) => {
    expect(withoutServerPaths({ nested: [text] })).toEqual({ nested: [sent] });
  });
});
