import { parse } from 'csv-parse/sync';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OdooCsvConnector } from '@revops/ingestion/connectors/odoo-csv.connector';
import {
  cellValue,
  CellResolver,
  compareOrderValues,
  effectiveOrder,
  mapRecord,
  planHeaders,
  referenceOf,
} from '@revops/ingestion/connectors/odoo-csv.mapping';
import { ExternalIdKeys } from '@revops/ingestion/connectors/odoo-external-ids';
import { checkRawRow } from '@revops/ingestion/raw/check-raw-row';
import { RAW_TABLES } from '@revops/ingestion/raw/raw-table-spec';
import { readDiscoveryDir } from '@revops/ingestion/schema/discovery-files';
import { cursorOf } from '@revops/ingestion/sync/cursor';
import { REPO_ROOT } from '../../fixtures/paths';

const lead = RAW_TABLES.odoo_crm_lead;
const tagRel = RAW_TABLES.odoo_crm_tag_rel;

const hasTable = (sourceTable: string) =>
  Object.values(RAW_TABLES).some((t) => t.source === 'odoo' && t.sourceTable === sourceTable);

/** What the connector resolves from the other files: here a user, a lead and two tags. */
const EXTERNAL_IDS: Record<string, number> = { 'crm.crm_case_1': -1, 'base.user_admin': 2 };
const NAMES: Record<string, number> = { 'Mitchell Admin': 2, A: 4, B: 5 };
const resolver: CellResolver = {
  external: (_, id) => EXTERNAL_IDS[id] ?? 99,
  named: (model, name) =>
    name in NAMES ? { key: NAMES[name] } : { problem: `no ${model} named "${name}"` },
};

/** Header + one record through the mapping, as the connector does it. */
function mapCsv(csv: string, spec = lead) {
  const [header, ...records] = parse(csv, { bom: true }) as string[][];
  const targets = planHeaders(spec, header, hasTable);
  return records.map((record) => mapRecord(spec, targets, record, { resolver }));
}

/** The registry of External ID keys, in memory: allocates -1, -2, … as the real one does. */
class MemoryKeys implements ExternalIdKeys {
  readonly known = new Map<string, number>();
  async keysFor(table: string, ids: string[]): Promise<Map<string, number>> {
    for (const id of ids) {
      if (!this.known.has(`${table}:${id}`)) this.known.set(`${table}:${id}`, -this.known.size - 1);
    }
    return new Map(ids.map((id) => [id, this.known.get(`${table}:${id}`) as number]));
  }
  async remember(table: string, pairs: Map<string, number>): Promise<void> {
    for (const [id, key] of pairs) this.known.set(`${table}:${id}`, key);
  }
}

describe('odoo csv mapping', () => {
  it('maps each header form to a column, _extra or a relation', () => {
    const headers = [
      'id',
      '.id',
      'name',
      'partner_id/.id',
      'user_id/id',
      'team_id',
      'stage_id/name',
      'tag_ids/.id',
      'tag_ids',
      'color',
      'x_studio_region',
    ];
    expect(planHeaders(lead, headers, hasTable)).toEqual([
      { kind: 'extra', key: 'external_id' },
      { kind: 'column', column: 'id' },
      { kind: 'column', column: 'name' },
      { kind: 'column', column: 'partner_id' },
      { kind: 'reference', column: 'user_id', target: 'res_users', form: 'external' },
      // A plain many2one header holds a display name.
      { kind: 'reference', column: 'team_id', target: 'crm_team', form: 'name' },
      { kind: 'extra', key: 'stage_id/name' },
      {
        kind: 'relation',
        relation: expect.objectContaining({ table: 'crm_tag_rel' }),
        form: 'ids',
      },
      // tag_ids/.id says it better.
      { kind: 'skip' },
      { kind: 'column', column: 'color' },
      { kind: 'extra', key: 'x_studio_region' },
    ]);
    expect(planHeaders(lead, ['id', 'name'], hasTable)[0]).toEqual({ kind: 'own-id' });
    // .id before /id before the name; a model without a RAW table keeps the value as is.
    expect(
      planHeaders(lead, ['.id', 'partner_id', 'partner_id/id', 'lang_id/id'], hasTable),
    ).toEqual([
      { kind: 'column', column: 'id' },
      { kind: 'skip' },
      { kind: 'reference', column: 'partner_id', target: 'res_partner', form: 'external' },
      { kind: 'extra', key: 'lang_id/id' },
    ]);
    // A relation table's own file holds plain ids.
    expect(planHeaders(tagRel, ['lead_id', 'tag_id'], hasTable)).toEqual([
      { kind: 'column', column: 'lead_id' },
      { kind: 'column', column: 'tag_id' },
    ]);
  });

  it('refuses headers that are empty or fill the same key twice', () => {
    expect(() => planHeaders(lead, ['.id', ''], hasTable)).toThrow('empty header');
    expect(() => planHeaders(lead, ['.id', 'name', 'name'], hasTable)).toThrow(
      'columns "name" and "name" both fill "name"',
    );
  });

  it('knows every many2one and its target, as discovery does', () => {
    const discovered = readDiscoveryDir(join(REPO_ROOT, 'data/schemas/discovery')).filter(
      (t) => t.source === 'odoo' && t.primaryKey.includes('id'),
    );
    expect(discovered.length).toBeGreaterThan(10);
    for (const table of discovered) {
      const spec = RAW_TABLES[`odoo_${table.table}`];
      for (const column of table.columns) {
        expect([table.table, column.name, referenceOf(spec, column.name)]).toEqual([
          table.table,
          column.name,
          column.references ?? undefined,
        ]);
      }
    }
  });

  it('reads booleans, numbers, empty cells and translatable names', () => {
    expect(cellValue('boolean', 'True')).toBe(true);
    expect(cellValue('boolean', 'False')).toBe(false);
    expect(cellValue('boolean', 'yes')).toBe('yes');
    for (const type of ['text', 'integer', 'boolean', 'date', 'jsonb'] as const) {
      expect(cellValue(type, '')).toBeNull();
    }
    expect(cellValue('integer', '12')).toBe(12);
    expect(cellValue('integer', '12abc')).toBe('12abc');
    expect(cellValue('double', '30.0')).toBe(30);
    expect(cellValue('numeric', '19800.0')).toBe('19800.0');
    expect(cellValue('jsonb', 'New')).toEqual({ en_US: 'New' });
    expect(cellValue('jsonb', 'Nouveau', 'fr_FR')).toEqual({ fr_FR: 'Nouveau' });
    expect(cellValue('jsonb', '{"en_US":"New","fr_FR":"Nouveau"}')).toEqual({
      en_US: 'New',
      fr_FR: 'Nouveau',
    });
    expect(cellValue('timestamp', '2026-10-24 09:30:00')).toBe('2026-10-24 09:30:00');
  });

  it('takes the database id from .id and keeps the external id in _extra', () => {
    const [withDbId] = mapCsv('id,.id,name,type\n__export__.crm_lead_12_abc,12,Desks,lead\n');
    expect(withDbId.row).toEqual({
      external_id: '__export__.crm_lead_12_abc',
      id: 12,
      name: 'Desks',
      type: 'lead',
    });
    const check = checkRawRow(lead, withDbId.row);
    expect(check.ok && check.row.extra).toEqual({ external_id: '__export__.crm_lead_12_abc' });

    const [numeric, external] = mapCsv('id,name,type\n7,Chairs,lead\ncrm.crm_case_1,Club,lead\n');
    expect(numeric.row).toEqual({ id: 7, name: 'Chairs', type: 'lead' });
    // Keyed by External ID: the key comes from the resolver (the registry's, here -1).
    expect(external.row).toEqual({
      id: -1,
      external_id: 'crm.crm_case_1',
      name: 'Club',
      type: 'lead',
    });
    const keyed = checkRawRow(lead, external.row);
    expect(keyed.ok && keyed.row.extra).toEqual({ external_id: 'crm.crm_case_1' });
  });

  it('resolves External IDs and names of relations, and quarantines a name it cannot', () => {
    const [good, unknown] = mapCsv(
      '.id,name,type,user_id/id,tag_ids\n' +
        '5,Desks,lead,base.user_admin,"A, B"\n' +
        '6,Chairs,lead,base.user_admin,"A, Zed"\n',
    );
    expect(good.row).toMatchObject({ user_id: 2 });
    expect(good.problems).toEqual([]);
    expect(good.relations).toEqual({
      crm_tag_rel: [
        { lead_id: 5, tag_id: 4 },
        { lead_id: 5, tag_id: 5 },
      ],
    });
    expect(unknown.problems).toEqual(['tag_ids: no crm_tag named "Zed"']);
    expect(unknown.relations).toEqual({});
    const [stage] = mapCsv('.id,name,type,stage_id\n7,X,lead,Qualifed\n');
    expect(stage.problems).toEqual(['stage_id: no crm_stage named "Qualifed"']);
  });

  it('loads a many2one id from field/.id, and another from its display name', () => {
    const [record] = mapCsv(
      '.id,name,type,partner_id/.id,partner_id/id,user_id,active\n' +
        '5,Desks,opportunity,14,base.res_partner_2,Mitchell Admin,False\n',
    );
    const check = checkRawRow(lead, record.row);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.row.values).toMatchObject({ id: 5, partner_id: 14, user_id: 2, active: false });
    expect(check.row.extra).toEqual({});
  });

  it('expands tag_ids/.id into crm_tag_rel rows, not into the lead', () => {
    const [tagged, untagged, keyless] = mapCsv(
      '.id,name,type,tag_ids/.id\n3,A,lead,"4, 5"\n4,B,lead,\n,C,lead,6\n',
    );
    expect(tagged.row).toEqual({ id: 3, name: 'A', type: 'lead' });
    expect(tagged.relations).toEqual({
      crm_tag_rel: [
        { lead_id: 3, tag_id: 4 },
        { lead_id: 3, tag_id: 5 },
      ],
    });
    expect(untagged.relations).toEqual({ crm_tag_rel: [] });
    // Without its own id the lead cannot be linked (the lead itself is quarantined).
    expect(keyless.relations).toEqual({});
  });

  it('keeps a quoted multi-line description and empty cells as null', () => {
    const [record] = mapCsv(
      '.id,name,type,description,city,probability,date_deadline\n' +
        '9,"Quote, 50 chairs",lead,"<p>Hello,</p>\r\n<p>""Urgent""</p>",,,2026-11-15\n',
    );
    expect(record.row).toEqual({
      id: 9,
      name: 'Quote, 50 chairs',
      type: 'lead',
      description: '<p>Hello,</p>\r\n<p>"Urgent"</p>',
      city: null,
      probability: null,
      date_deadline: '2026-11-15',
    });
    expect(checkRawRow(lead, record.row).ok).toBe(true);
  });

  it('leaves a bad value as text, so the RAW check names the field', () => {
    const [record] = mapCsv('.id,name,type,date_deadline,color\n9,X,lead,not-a-date,red\n');
    const check = checkRawRow(lead, record.row);
    expect(check).toEqual({
      ok: false,
      key: '9',
      reason: expect.stringContaining('date_deadline'),
    });
    expect(!check.ok && check.reason).toContain('color: expected an integer');
  });

  it('orders empty before numbers before text, the way cursorOf writes them', () => {
    const rows: unknown[][] = [['b'], [10], [null], [9], ['a']];
    rows.sort(compareOrderValues);
    expect(rows).toEqual([[null], [9], [10], ['a'], ['b']]);
    expect(compareOrderValues([''], [null])).toBe(0);
    expect(effectiveOrder(['write_date', 'id'], new Set(['id', 'name']), ['id'])).toEqual(['id']);
    expect(
      effectiveOrder(['lead_id', 'tag_id'], new Set(['lead_id']), ['lead_id', 'tag_id']),
    ).toEqual(['lead_id', 'tag_id']);
  });
});

describe('odoo csv connector', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'odoo-csv-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, lines: string[]) =>
    writeFileSync(join(dir, name), `${lines.join('\r\n')}\r\n`);

  /** Every row through readPage the way the sync engine pages, `limit` at a time. */
  async function readAll(
    connector: OdooCsvConnector,
    spec = lead,
    limit = 2,
    from?: string,
  ): Promise<Record<string, unknown>[]> {
    const order = spec.cursor ?? spec.primaryKey;
    const rows: Record<string, unknown>[] = [];
    let page = await connector.readPage(spec, { order, limit, from });
    while (page.length) {
      rows.push(...page);
      if (page.length < limit) break;
      page = await connector.readPage(spec, {
        order,
        limit,
        after: cursorOf(page[page.length - 1], order),
      });
    }
    return rows;
  }

  it('serves rows once each, in cursor order, page by page, from a start', async () => {
    write('crm.lead.csv', [
      '.id,name,type,write_date,tag_ids/.id',
      '10,J,lead,2026-10-02 00:00:00,"1,2"',
      '9,I,lead,2026-10-01 00:00:00,',
      '2,B,lead,2026-10-02 00:00:00,2',
      '30,Z,lead,2026-10-03 00:00:00,',
      '4,D,lead,2026-10-02 00:00:00,',
    ]);
    const connector = new OdooCsvConnector(dir, new MemoryKeys());
    const tables = await connector.availableTables(Object.values(RAW_TABLES));
    expect(tables.map((t) => t.sourceTable).sort()).toEqual(['crm_lead', 'crm_tag_rel']);
    expect((await readAll(connector)).map((r) => r.id)).toEqual([9, 2, 4, 10, 30]);
    expect((await readAll(connector, lead, 2, '2026-10-02T00:00:00')).map((r) => r.id)).toEqual([
      2, 4, 10, 30,
    ]);
    expect(await readAll(connector, tagRel, 1)).toEqual([
      { lead_id: 2, tag_id: 2 },
      { lead_id: 10, tag_id: 1 },
      { lead_id: 10, tag_id: 2 },
    ]);
    expect((await connector.readKeys(lead)).sort()).toEqual(['10', '2', '30', '4', '9']);
    expect(await connector.readKeys(tagRel)).toEqual(['10:1', '10:2', '2:2']);
  });

  it('falls back to key order when the export has no write_date', async () => {
    write('crm_lead.csv', ['.id,name,type', '10,J,lead', '9,I,lead', '2,B,lead']);
    const connector = new OdooCsvConnector(dir, new MemoryKeys());
    expect((await readAll(connector, lead, 1)).map((r) => r.id)).toEqual([2, 9, 10]);
    // The engine's cursor then carries '' for write_date; paging goes on by id.
    expect(
      await connector.readPage(lead, { order: ['write_date', 'id'], limit: 5, after: ['', 9] }),
    ).toEqual([{ id: 10, name: 'J', type: 'lead' }]);
  });

  it('never skips rows that miss their key, whatever the page size', async () => {
    write('crm.lead.csv', [
      '.id,name,type,write_date',
      ',A,lead,2026-10-01 00:00:00',
      ',B,lead,2026-10-01 00:00:00',
      '1,C,lead,2026-10-01 00:00:00',
    ]);
    const rows = await readAll(new OdooCsvConnector(dir, new MemoryKeys()), lead, 1);
    expect(rows.map((r) => r.name)).toEqual(['A', 'B', 'C']);
  });

  it('keys a lead by External ID the same on every export, and resolves names against the other files', async () => {
    const keys = new MemoryKeys();
    write('crm.stage.csv', [
      'id,name',
      'crm.stage_lead1,New',
      '__export__.crm_stage_8_0a1b2c3d,Won',
    ]);
    write('res.partner.csv', [
      'id,name,is_company,parent_id/id',
      'base.res_partner_2,Deco Addict,True,',
      'base.res_partner_12,Douglas Fletcher,False,base.res_partner_2',
    ]);
    write('crm.lead.csv', [
      'id,name,type,stage_id,partner_id',
      'crm.crm_case_1,Club,opportunity,New,"Deco Addict, Douglas Fletcher"',
      '__export__.crm_lead_44_9f8e7d6c,Desks,opportunity,won,',
      'crm.crm_case_2,Chairs,opportunity,Lost,Deco Addict',
    ]);
    const first = await readAll(new OdooCsvConnector(dir, keys), lead, 10);
    const byName = Object.fromEntries(first.map((row) => [row.name, row]));
    expect(byName.Club).toMatchObject({
      external_id: 'crm.crm_case_1',
      stage_id: keys.known.get('crm_stage:crm.stage_lead1'),
    });
    expect(byName.Club.id).toBeLessThan(0); // a registry key never meets a database id
    expect(byName.Club.partner_id).toBe(keys.known.get('res_partner:base.res_partner_12'));
    // Odoo's own export ids carry the database id; "won" finds "Won" whatever the case.
    expect(byName.Desks).toMatchObject({ id: 44, stage_id: 8, partner_id: null });
    expect(checkRawRow(lead, byName.Chairs)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('stage_id: no crm.stage named "Lost"'),
    });

    // A later export, rows in another order: the same keys.
    write('crm.lead.csv', [
      'id,name,type',
      'crm.crm_case_2,Chairs,opportunity',
      'crm.crm_case_1,Club,opportunity',
    ]);
    const again = await readAll(new OdooCsvConnector(dir, keys), lead, 10);
    expect(Object.fromEntries(again.map((row) => [row.name, row.id]))).toEqual({
      Club: byName.Club.id,
      Chairs: byName.Chairs.id,
    });

    // An export with database ids teaches the registry: by External ID later, the same key.
    write('crm.lead.csv', ['id,.id,name,type', 'mig.lead_1,501,Imported,lead']);
    await readAll(new OdooCsvConnector(dir, keys), lead, 10);
    write('crm.lead.csv', ['id,name,type', 'mig.lead_1,Imported,lead']);
    expect((await readAll(new OdooCsvConnector(dir, keys), lead, 10))[0].id).toBe(501);
  });

  it('throws naming the file and line for a file it cannot read', async () => {
    write('crm.lead.csv', ['.id,name,type', '1,A,lead', '2,"B"x,lead']);
    await expect(
      new OdooCsvConnector(dir, new MemoryKeys()).availableTables([lead]),
    ).rejects.toThrow(/crm\.lead\.csv: line 3: cannot parse CSV/);
    write('crm.lead.csv', ['.id,name,type', '1,A,lead', '1,B,lead']);
    await expect(
      new OdooCsvConnector(dir, new MemoryKeys()).availableTables([lead]),
    ).rejects.toThrow(/crm\.lead\.csv: line 3: id 1 already appears on line 2/);
    write('crm.lead.csv', ['name,type', 'A,lead']);
    await expect(
      new OdooCsvConnector(dir, new MemoryKeys()).availableTables([lead]),
    ).rejects.toThrow(/crm\.lead\.csv: line 1: no "\.id" or "id" column/);
  });
});
