import { QuarantineTally } from '@revops/ingestion/sync/quarantine-share';

describe('quarantine share of a sync', () => {
  it('names the table, the count and the most common reason, with one value as written', () => {
    const tally = new QuarantineTally();
    tally.add(40, [
      'odoo_crm_lead row 1: stage_id: no crm.stage named "Newx"',
      'odoo_crm_lead row 2: stage_id: no crm.stage named "Wonx"; color: expected an integer, got "red"',
      'odoo_crm_lead row 3: date_deadline: expected a date YYYY-MM-DD, got "soon"',
    ]);
    tally.add(4, ['odoo_crm_lead row (no key): stage_id: no crm.stage named "Lostx"']);
    expect(tally.mostCommon()).toEqual({
      reason: 'stage_id: no crm.stage named "…"',
      count: 3,
      example: 'stage_id: no crm.stage named "Newx"',
    });
    expect(tally.overLimit('crm_lead', 0.05)).toBe(
      'crm_lead: 4 of 44 rows quarantined (9.1%, over the 5% limit); most common (3 rows): ' +
        'stage_id: no crm.stage named "…", e.g. stage_id: no crm.stage named "Newx"',
    );
    expect(tally.overLimit('crm_lead', 0.1)).toBeNull();
    expect(new QuarantineTally().overLimit('crm_lead', 0)).toBeNull(); // nothing read
  });
});
