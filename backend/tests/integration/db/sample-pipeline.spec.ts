import { INestApplication } from '@nestjs/common';
import { ignoreProgress } from '@revops/core';
import { EmbeddingService } from '@revops/embedding';
import { IngestionService } from '@revops/ingestion';
import { apnRowsFromOpportunities } from '@revops/ingestion/connectors/apn-rows';
import { runSamplePipeline } from '@revops/api';
import { searchQuery } from '@revops/api/search/search-query.dto';
import { SearchService } from '@revops/api/search/search.service';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SAMPLES_DIR } from '../../fixtures/paths';
import { createTestApp, PIPELINE_MODULES } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

const sampleRows = (file: string): Record<string, unknown>[] =>
  JSON.parse(readFileSync(join(SAMPLES_DIR, file), 'utf8'));

/** A copy of data/samples with some files replaced. */
function samplesCopy(replaced: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'revops-samples-'));
  cpSync(SAMPLES_DIR, dir, { recursive: true });
  for (const [file, rows] of Object.entries(replaced)) {
    writeFileSync(join(dir, file), JSON.stringify(rows));
  }
  return dir;
}

describeWithDatabase('sample pipeline: files → RAW → CORE → search', () => {
  useTestDatabase();
  let app: INestApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp(PIPELINE_MODULES);
    db = app.get(DataSource);
  });
  afterAll(() => app?.close());

  it('loads every sample row once, then finds nothing to do on a second run', async () => {
    const odooRows = [
      'res_country',
      'res_partner',
      'res_users',
      'crm_team',
      'crm_stage',
      'crm_lead',
    ]
      .map((table) => sampleRows(`odoo/${table}.json`).length)
      .reduce((a, b) => a + b, 0);
    // Each opportunity also fills the APN child tables (contacts, team, links, accounts).
    const aceRows = Object.values(
      apnRowsFromOpportunities(sampleRows('ace/opportunities.json')),
    ).flat().length;
    const aceOpportunities = sampleRows('ace/opportunities.json').length;

    const first = await runSamplePipeline(app, SAMPLES_DIR, 'test', ignoreProgress);
    expect(first.syncs.map((s) => [s.source, s.counts.read, s.counts.inserted])).toEqual([
      ['odoo', odooRows, odooRows],
      ['apn', aceRows, aceRows],
    ]);
    const leads = sampleRows('odoo/crm_lead.json').length;
    expect(first.transform).toMatchObject({ odooOpportunities: leads, aceOpportunities });
    expect(first.embed.embedded).toBe(leads + aceOpportunities);
    // The committed samples' shared deals (data/samples/shared_deals.json) are matched.
    const shared = new Set(
      (sampleRows('shared_deals.json') as { odoo_id: number; ace_id: string }[]).map(
        (d) => `${d.ace_id}:${d.odoo_id}`,
      ),
    );
    const links: { pair: string }[] = await db.query(
      `SELECT ace_id || ':' || odoo_id AS pair FROM matching.opportunity_matches
        WHERE status IN ('auto_linked', 'proposed')`,
    );
    const found = links.filter((l) => shared.has(l.pair)).length;
    expect(first.match.autoLinked + first.match.proposed).toBe(links.length);
    expect(found / shared.size).toBeGreaterThanOrEqual(0.9);
    expect(found / links.length).toBeGreaterThanOrEqual(0.9);

    const again = await runSamplePipeline(app, SAMPLES_DIR, 'test', ignoreProgress);
    expect(again.syncs.map((s) => s.counts.unchanged)).toEqual([odooRows, aceRows]);
    expect(again.transform).toMatchObject({ odooOpportunities: 0, aceOpportunities: 0 });
    expect(again.embed.embedded).toBe(0);
    expect(again.match).toMatchObject({ created: 0, updated: 0, superseded: 0 });

    const runs = await db.query(
      `SELECT source, status, rows_read, rows_inserted, rows_unchanged FROM ops.sync_runs ORDER BY id`,
    );
    expect(runs).toHaveLength(4);
    expect(runs.every((r: { status: string }) => r.status === 'succeeded')).toBe(true);
  });

  it('resolves customer, salesperson, team, stage and country wherever a lead refers to one', async () => {
    const unresolved = await db.query(`
      SELECT l.id,
             (l.partner_id IS NOT NULL OR l.partner_name IS NOT NULL) AND o.customer_name IS NULL AS customer,
             l.user_id IS NOT NULL AND o.salesperson_name IS NULL AS salesperson,
             l.team_id IS NOT NULL AND o.team_name IS NULL AS team,
             l.stage_id IS NOT NULL AND o.stage_name IS NULL AS stage,
             l.country_id IS NOT NULL AND o.country_name IS NULL AS country
        FROM raw.odoo_crm_lead l JOIN core.odoo_opportunities o ON o.odoo_id = l.id`);
    const missing = unresolved.filter((r: Record<string, boolean>) =>
      ['customer', 'salesperson', 'team', 'stage', 'country'].some((k) => r[k]),
    );
    expect(missing).toEqual([]);
    expect(unresolved.length).toBeGreaterThan(0);

    const [won] = await db.query(
      `SELECT count(*)::int AS n FROM core.odoo_opportunities WHERE is_won`,
    );
    expect(won.n).toBeGreaterThan(0);
    const [owners] = await db.query(
      `SELECT count(*)::int AS n FROM core.ace_opportunities WHERE owner_name IS NULL`,
    );
    expect(owners.n).toBe(0);
  });

  it('re-transforms and re-embeds exactly the row whose description changed', async () => {
    const leads = sampleRows('odoo/crm_lead.json');
    leads[0] = { ...leads[0], description: '<p>Now also wants a disaster recovery site.</p>' };
    const dir = samplesCopy({ 'odoo/crm_lead.json': leads });

    const result = await runSamplePipeline(app, dir, 'test', ignoreProgress);
    expect(result.syncs[0].counts).toMatchObject({ updated: 1, inserted: 0 });
    expect(result.syncs[1].counts).toMatchObject({ updated: 0, inserted: 0 });
    expect(result.transform).toMatchObject({ odooOpportunities: 1, aceOpportunities: 0 });
    expect(result.embed.embedded).toBe(1);
    const [row] = await db.query(
      'SELECT description FROM core.odoo_opportunities WHERE odoo_id = $1',
      [leads[0].id],
    );
    expect(row.description).toBe('Now also wants a disaster recovery site.');
  });

  it('ranks the opportunity first for a paraphrase of its title', async () => {
    const search = app.get(SearchService);
    const cases = [
      // Odoo 11 "Marina Stores: AI assistant for the help desk"
      { q: 'an artificial-intelligence helper for the Marina Stores service desk', id: '11' },
      // Odoo 9 "Acme Consulting - Cloud security posture programme"
      { q: 'Acme Consulting programme to improve its cloud security posture', id: '9' },
      // ACE O2003548 "Containerize 15 services on Amazon EKS" (customer Weserland Telekom)
      {
        q: 'Weserland Telekom moving fifteen services into containers on Kubernetes',
        id: 'O2003548',
      },
    ];
    for (const { q, id } of cases) {
      const result = await search.search(searchQuery({ q, mode: 'semantic', limit: 5 }));
      expect(result.hits.map((hit) => hit.id)[0]).toBe(id);
    }
  });

  it('drops a deleted opportunity from search, and restores it when the source sends it again', async () => {
    const target = 'O2003548';
    const query = 'Weserland Telekom moving fifteen services into containers on Kubernetes';
    await db.query(
      `UPDATE raw.apn_opportunity SET _deleted_at = now(), _row_hash = 'deleted-by-test' WHERE id = $1`,
      [target],
    );
    const afterDelete = await runSamplePipeline(app, SAMPLES_DIR, 'test', ignoreProgress);
    // The sample files still list it, so ingestion brings it back in the same run…
    expect(afterDelete.syncs[1].counts.updated).toBe(1);
    expect(afterDelete.transform.aceOpportunities).toBe(0);
    expect(afterDelete.embed.removed).toBe(0);

    // …whereas a row deleted in CORE and not re-sent loses its vector.
    await db.query(`UPDATE core.ace_opportunities SET deleted_at = now() WHERE ace_id = $1`, [
      target,
    ]);
    const embedOnly = await app.get(EmbeddingService).embedChanged('test');
    expect(embedOnly).toMatchObject({ removed: 1, embedded: 0 });
    const result = await app
      .get(SearchService)
      .search(searchQuery({ q: query, mode: 'semantic', limit: 10 }));
    const hits = result.hits.map((h) => h.id);
    expect(hits).not.toContain(target);
  });

  it('quarantines a malformed row with a reason naming it, and loads the rest', async () => {
    const leads = sampleRows('odoo/crm_lead.json');
    leads[1] = { ...leads[1], expected_revenue: 'a lot', date_deadline: '2026-13-45' };
    // The same key twice in one file: the later row wins, the earlier one is kept aside.
    leads.push({ ...leads[5], name: 'Later copy of the same lead' });
    const dir = samplesCopy({ 'odoo/crm_lead.json': leads });

    const [odoo] = await app.get(IngestionService).ingestSampleFiles(dir);
    expect(odoo.counts.quarantined).toBe(2);
    const [dup] = await db.query(
      `SELECT reason FROM ops.quarantine WHERE sync_run_id = $1 AND source_key = $2`,
      [odoo.syncRunId, String(leads[5].id)],
    );
    expect(dup.reason).toContain('duplicate key in one batch');
    const [kept] = await db.query('SELECT name FROM raw.odoo_crm_lead WHERE id = $1', [
      leads[5].id,
    ]);
    expect(kept.name).toBe('Later copy of the same lead');
    expect(odoo.counts.read).toBeGreaterThan(leads.length);
    const [entry] = await db.query(
      `SELECT source_table, source_key, reason FROM ops.quarantine
        WHERE sync_run_id = $1 AND source_key = $2`,
      [odoo.syncRunId, String(leads[1].id)],
    );
    expect(entry).toMatchObject({ source_table: 'odoo_crm_lead', source_key: String(leads[1].id) });
    expect(entry.reason).toContain('expected_revenue: expected a number');
    expect(entry.reason).toContain('date_deadline: expected a date');
  });
});
