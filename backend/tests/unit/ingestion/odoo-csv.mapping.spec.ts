import { parse } from 'csv-parse/sync';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OdooCsvConnector } from '@revops/ingestion/connectors/odoo-csv.connector';
import {
  cellValue,
  compareOrderValues,
  effectiveOrder,
  isMany2one,
  mapRecord,
  planHeaders,
} from '@revops/ingestion/connectors/odoo-csv.mapping';
import { checkRawRow } from '@revops/ingestion/raw/check-raw-row';
import { RAW_TABLES } from '@revops/ingestion/raw/raw-table-spec';
import { readDiscoveryDir } from '@revops/ingestion/schema/discovery-files';
import { cursorOf } from '@revops/ingestion/sync/cursor';
import { REPO_ROOT } from '../../fixtures/paths';

const lead = RAW_TABLES.odoo_crm_lead;
const tagRel = RAW_TABLES.odoo_crm_tag_rel;

/** Header + one record through the mapping, as the connector does it. */
function mapCsv(csv: string, spec = lead) {
  const [header, ...records] = parse(csv, { bom: true }) as string[][];
  const targets = planHeaders(spec, header);
  return records.map((record) => mapRecord(spec, targets, record));
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
    expect(planHeaders(lead, headers)).toEqual([
      { kind: 'extra', key: 'external_id' },
      { kind: 'column', column: 'id' },
      { kind: 'column', column: 'name' },
      { kind: 'column', column: 'partner_id' },
      { kind: 'extra', key: 'user_id/id' },
      // A plain many2one header holds a display name: never the integer column.
      { kind: 'extra', key: 'team_id/display_name' },
      { kind: 'extra', key: 'stage_id/name' },
      { kind: 'relation', relation: expect.objectContaining({ table: 'crm_tag_rel' }) },
      { kind: 'extra', key: 'tag_ids' },
      { kind: 'column', column: 'color' },
      { kind: 'extra', key: 'x_studio_region' },
    ]);
    expect(planHeaders(lead, ['id', 'name'])[0]).toEqual({ kind: 'id-or-external' });
    // A relation table's own file holds plain ids.
    expect(planHeaders(tagRel, ['lead_id', 'tag_id'])).toEqual([
      { kind: 'column', column: 'lead_id' },
      { kind: 'column', column: 'tag_id' },
    ]);
  });

  it('refuses headers that are empty or fill the same key twice', () => {
    expect(() => planHeaders(lead, ['.id', ''])).toThrow('empty header');
    expect(() => planHeaders(lead, ['.id', 'name', 'name'])).toThrow(
      'columns "name" and "name" both fill "name"',
    );
  });

  it('knows a many2one from the name of an integer column, as discovery does', () => {
    const discovered = readDiscoveryDir(join(REPO_ROOT, 'data/schemas/discovery')).filter(
      (t) => t.source === 'odoo' && t.primaryKey.includes('id'),
    );
    expect(discovered.length).toBeGreaterThan(10);
    for (const table of discovered) {
      const spec = RAW_TABLES[`odoo_${table.table}`];
      for (const column of table.columns) {
        expect([table.table, column.name, isMany2one(spec, column.name)]).toEqual([
          table.table,
          column.name,
          !!column.references,
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
    expect(external.row).toEqual({
      id: null,
      external_id: 'crm.crm_case_1',
      name: 'Club',
      type: 'lead',
    });
    expect(checkRawRow(lead, external.row)).toEqual({
      ok: false,
      key: undefined,
      reason: expect.stringContaining('id: required but missing'),
    });
  });

  it('loads a many2one id from field/.id and keeps its name and external id aside', () => {
    const [record] = mapCsv(
      '.id,name,type,partner_id/.id,partner_id/id,user_id,active\n' +
        '5,Desks,opportunity,14,base.res_partner_2,Mitchell Admin,False\n',
    );
    const check = checkRawRow(lead, record.row);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.row.values).toMatchObject({ id: 5, partner_id: 14, user_id: null, active: false });
    expect(check.row.extra).toEqual({
      'partner_id/id': 'base.res_partner_2',
      'user_id/display_name': 'Mitchell Admin',
    });
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
    const connector = new OdooCsvConnector(dir);
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
    const connector = new OdooCsvConnector(dir);
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
    const rows = await readAll(new OdooCsvConnector(dir), lead, 1);
    expect(rows.map((r) => r.name)).toEqual(['A', 'B', 'C']);
  });

  it('throws naming the file and line for a file it cannot read', async () => {
    write('crm.lead.csv', ['.id,name,type', '1,A,lead', '2,"B"x,lead']);
    await expect(new OdooCsvConnector(dir).availableTables([lead])).rejects.toThrow(
      /crm\.lead\.csv: line 3: cannot parse CSV/,
    );
    write('crm.lead.csv', ['.id,name,type', '1,A,lead', '1,B,lead']);
    await expect(new OdooCsvConnector(dir).availableTables([lead])).rejects.toThrow(
      /crm\.lead\.csv: line 3: id 1 already appears on line 2/,
    );
    write('crm.lead.csv', ['name,type', 'A,lead']);
    await expect(new OdooCsvConnector(dir).availableTables([lead])).rejects.toThrow(
      /crm\.lead\.csv: line 1: no "\.id" or "id" column/,
    );
  });
});
