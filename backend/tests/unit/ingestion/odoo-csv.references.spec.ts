import {
  buildIndex,
  Cells,
  displayNames,
  keyByExternalId,
  keyByName,
} from '@revops/ingestion/connectors/odoo-csv.references';
import { exportedDatabaseId } from '@revops/ingestion/connectors/odoo-external-ids';

/** Body records of an export, by header. */
const records = (header: string[], rows: string[][]): Cells[] =>
  rows.map((row) => (name: string) => {
    const i = header.indexOf(name);
    return i < 0 ? undefined : row[i];
  });

describe('odoo csv references', () => {
  it('reads the database id inside the External IDs Odoo makes on export, and only those', () => {
    expect(exportedDatabaseId('crm_lead', '__export__.crm_lead_12_3f2a9c1b')).toBe(12);
    expect(exportedDatabaseId('crm_lead', '__export__.crm_lead_12_12345678')).toBe(12);
    expect(exportedDatabaseId('crm_lead', '__export__.crm_lead_7')).toBe(7); // Odoo ≤ 12
    expect(exportedDatabaseId('res_partner', '__export__.crm_lead_12_3f2a9c1b')).toBeNull();
    expect(exportedDatabaseId('crm_lead', 'crm.crm_case_1')).toBeNull();
    expect(exportedDatabaseId('crm_lead', '__export__.crm_lead_99999999999_3f2a9c1b')).toBeNull();
  });

  it("names a contact of a company the way Odoo does, 'Company, Contact'", () => {
    const header = ['id', 'name', 'is_company', 'parent_id/id'];
    const partners = records(header, [
      ['p.azure', 'Azure Interior', 'True', ''],
      ['p.brandon', 'Brandon Freeman', 'False', 'p.azure'],
      ['p.solo', 'Solo Person', 'False', ''],
    ]);
    const rowOf = new Map(partners.map((c, i) => [c('id'), i]));
    const names = displayNames('res_partner', partners, (i) =>
      rowOf.get(partners[i]('parent_id/id')),
    );
    expect(names).toEqual(['Azure Interior', 'Azure Interior, Brandon Freeman', 'Solo Person']);
  });

  it('resolves a name as written, then ignoring case and spacing; says when it is unknown or ambiguous', () => {
    const stages = records(
      ['id', 'name'],
      [
        ['crm.stage_lead1', 'New'],
        ['crm.stage_lead2', 'Qualified'],
        ['x.won_a', 'Won'],
        ['x.won_b', 'Won'],
      ],
    );
    const index = buildIndex({
      sourceTable: 'crm_stage',
      records: stages,
      keys: [1, 2, 3, 4],
      names: stages.map((c) => c('name') ?? null),
    });
    expect(keyByName('crm.stage', 'Qualified', index)).toEqual({ key: 2 });
    expect(keyByName('crm.stage', '  qualified ', index)).toEqual({ key: 2 });
    expect(keyByName('crm.stage', 'Qualifed', index)).toEqual({
      problem: 'no crm.stage named "Qualifed"',
    });
    expect(keyByName('crm.stage', 'Won', index)).toEqual({
      problem: '"Won" is ambiguous: 2 crm.stage records have that name',
    });
    expect(keyByName('crm.stage', 'New', null)).toEqual({
      problem: '"New" cannot be resolved: the export has no crm.stage file to look it up in',
    });
    expect(keyByExternalId('crm_stage', 'crm.stage_lead2', index)).toBe(2);
    expect(keyByExternalId('crm_stage', '__export__.crm_stage_40_0a1b2c3d', index)).toBe(40);
    expect(keyByExternalId('crm_stage', 'crm.stage_unknown', index)).toBeUndefined();
  });

  it('resolves countries and currencies by ISO code, and a state by its name before "(US)"', () => {
    const countries = records(['.id', 'name', 'code'], [['21', 'Belgium', 'BE']]);
    const index = buildIndex({
      sourceTable: 'res_country',
      records: countries,
      keys: [21],
      names: ['Belgium'],
    });
    expect(keyByExternalId('res_country', 'base.be', index)).toBe(21);
    const currencies = records(['.id', 'name'], [['1', 'EUR']]);
    const currency = buildIndex({
      sourceTable: 'res_currency',
      records: currencies,
      keys: [1],
      names: ['EUR'],
    });
    expect(keyByExternalId('res_currency', 'base.EUR', currency)).toBe(1);
    const states = records(['.id', 'name', 'code'], [['5', 'California', 'CA']]);
    const state = buildIndex({
      sourceTable: 'res_country_state',
      records: states,
      keys: [5],
      names: ['California'],
    });
    expect(keyByName('res.country.state', 'California (US)', state)).toEqual({ key: 5 });
  });
});
