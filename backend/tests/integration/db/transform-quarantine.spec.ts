import { INestApplication } from '@nestjs/common';
import { IngestionModule, IngestionService } from '@revops/ingestion';
import { TransformationModule, TransformationService } from '@revops/transformation';
import { DataSource } from 'typeorm';
import { SAMPLES_DIR } from '../../fixtures/paths';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

describeWithDatabase('transform: no single row blocks it', () => {
  useTestDatabase();
  let app: INestApplication;
  let db: DataSource;
  let transformation: TransformationService;
  let hostileLead: number;
  let refusedAce: string;

  beforeAll(async () => {
    app = await createTestApp([IngestionModule, TransformationModule]);
    db = app.get(DataSource);
    transformation = app.get(TransformationService);
    await app.get(IngestionService).ingestSampleFiles(SAMPLES_DIR);
    [{ id: hostileLead }] = await db.query('SELECT min(id) AS id FROM raw.odoo_crm_lead');
    [{ id: refusedAce }] = await db.query('SELECT min(id) AS id FROM raw.apn_opportunity');
    // Entities that decode to NUL or to nothing, and a comment, in a lead's description.
    await db.query(
      `UPDATE raw.odoo_crm_lead
          SET description = '<p>Migrate&#0; the &#99999999;warehouse<!-- internal: price 9k --> &eacute;</p>',
              _row_hash = 'edited'
        WHERE id = $1`,
      [hostileLead],
    );
    // A spend currency CORE cannot hold (varchar(3)): the database refuses the row.
    await db.query(
      `UPDATE raw.apn_opportunity SET project_expected_customer_spend = $2::jsonb, _row_hash = 'edited'
        WHERE id = $1`,
      [
        refusedAce,
        JSON.stringify([{ Amount: '100', CurrencyCode: 'DOLLARS', Frequency: 'Monthly' }]),
      ],
    );
  });
  afterAll(() => app?.close());

  const quarantined = (): Promise<{ key: string; reason: string; resolved: boolean }[]> =>
    db.query(
      `SELECT source_key AS key, reason, resolved_at IS NOT NULL AS resolved FROM ops.quarantine
        WHERE stage = 'transform' ORDER BY id`,
    );

  it('transforms the hostile description cleanly and sets the refused row aside; the rest lands', async () => {
    const run = await transformation.transformAll('test');
    const [lead]: { description: string }[] = await db.query(
      'SELECT description FROM core.odoo_opportunities WHERE odoo_id = $1',
      [hostileLead],
    );
    expect(lead.description).toBe('Migrate the warehouse é');
    const [{ leads, aces }]: { leads: number; aces: number }[] = await db.query(
      `SELECT (SELECT count(*)::int FROM raw.odoo_crm_lead) - (SELECT count(*)::int FROM core.odoo_opportunities) AS leads,
              (SELECT count(*)::int FROM raw.apn_opportunity) - (SELECT count(*)::int FROM core.ace_opportunities) AS aces`,
    );
    expect({ leads, aces }).toEqual({ leads: 0, aces: 1 });
    expect(run.quarantined).toEqual({ odooOpportunities: 0, aceOpportunities: 1 });
    expect(await quarantined()).toEqual([
      { key: refusedAce, reason: expect.stringMatching(/ace_opportunities: .*(too long|character varying)/), resolved: false }, // prettier-ignore
    ]);
  });

  it('does not try the row again until its source changes, then takes it', async () => {
    const again = await transformation.transformAll('test');
    expect(again).toMatchObject({ aceOpportunities: 0, quarantined: { aceOpportunities: 0 } });
    expect(await quarantined()).toHaveLength(1);
    await db.query(
      `UPDATE raw.apn_opportunity SET project_expected_customer_spend = $2::jsonb, _row_hash = 'fixed'
        WHERE id = $1`,
      [refusedAce, JSON.stringify([{ Amount: '100', CurrencyCode: 'USD', Frequency: 'Monthly' }])],
    );
    const fixed = await transformation.transformAll('test');
    expect(fixed).toMatchObject({ aceOpportunities: 1, quarantined: { aceOpportunities: 0 } });
    expect(await quarantined()).toEqual([expect.objectContaining({ key: refusedAce, resolved: true })]); // prettier-ignore
  });
});
