import {
  checkCopyLine,
  checkRawRow,
  copyLineRecord,
  MAX_TEXT_LENGTH,
  quarantinePayload,
  rowHash,
  toColumnValue,
} from '@revops/ingestion/raw/check-raw-row';
import { RAW_TABLES } from '@revops/ingestion/raw/raw-table-spec';

const lead = RAW_TABLES.odoo_crm_lead;

describe('checkRawRow', () => {
  it('keeps typed values and moves unknown fields to extra', () => {
    const check = checkRawRow(lead, {
      id: 7,
      name: 'Data warehouse migration',
      expected_revenue: 120000,
      date_deadline: '2026-12-31',
      x_studio_region: 'LATAM',
    });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.row.key).toBe('7');
    expect(check.row.values.name).toBe('Data warehouse migration');
    expect(check.row.values.partner_id).toBeNull();
    expect(check.row.extra).toEqual({ x_studio_region: 'LATAM' });
  });

  it('names the row and every bad field', () => {
    const check = checkRawRow(lead, {
      id: 9,
      name: 'x',
      probability: 'high',
      date_deadline: '2026-02-30',
    });
    expect(check).toEqual({
      ok: false,
      key: '9',
      reason: expect.stringContaining('odoo_crm_lead row 9'),
    });
    if (check.ok) return;
    expect(check.reason).toContain('probability: expected a number');
    expect(check.reason).toContain('date_deadline: expected a date');
  });

  it('quarantines a row without its required fields', () => {
    const check = checkRawRow(lead, { name: 'no id' });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.reason).toContain('id: required but missing');
  });

  it('keys a relation-table row by both columns', () => {
    const check = checkRawRow(RAW_TABLES.odoo_crm_tag_rel, { lead_id: 4, tag_id: 2 });
    expect(check).toMatchObject({ ok: true, row: { key: '4:2' } });
    expect(checkRawRow(RAW_TABLES.odoo_crm_tag_rel, { lead_id: 4 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('tag_id: required but missing'),
    });
  });

  it('refuses a NOT NULL column sent as null, but not one left out of a partial row', () => {
    expect(checkRawRow(lead, { id: 5, name: 'x' }).ok).toBe(true);
    expect(checkRawRow(lead, { id: 5, name: 'x', type: null })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('type: required but missing'),
    });
  });

  it('quarantines a NUL byte, an oversized text and a null id, naming each', () => {
    const nul = checkRawRow(lead, { id: 1, name: 'bad\u0000name' });
    expect(nul).toMatchObject({
      ok: false,
      reason: expect.stringContaining('name: contains a NUL byte'),
    });
    const huge = checkRawRow(lead, { id: 2, name: 'x', description: 'y'.repeat(5 * 1024 * 1024) });
    expect(huge).toMatchObject({
      ok: false,
      reason: expect.stringContaining(
        'description: is 5242880 characters long, over the 1000000 limit',
      ),
    });
    const noId = checkRawRow(lead, { id: null, name: 'x', date_deadline: 'not-a-date' });
    expect(noId).toMatchObject({ ok: false, key: undefined });
    if (noId.ok) return;
    expect(noId.reason).toContain('odoo_crm_lead row (no key)');
    expect(noId.reason).toContain('id: required but missing');
    expect(noId.reason).toContain('date_deadline: expected a date YYYY-MM-DD, got "not-a-date"');
  });

  it('keeps a quarantined row storable: NUL shown, long text cut with a note', () => {
    expect(quarantinePayload({ a: 'x\u0000y', b: ['z'.repeat(10_005)], c: 3 })).toEqual({
      a: 'x\uFFFDy',
      b: [`${'z'.repeat(10_000)}…[5 more characters cut]`],
      c: 3,
    });
  });

  it("reads Odoo's external-API shapes: false for empty, [id, name] for many2one", () => {
    expect(toColumnValue('integer', [3, 'Mitchell Admin'])).toEqual({ ok: true, value: 3 });
    expect(toColumnValue('text', false)).toEqual({ ok: true, value: null });
    expect(toColumnValue('boolean', false)).toEqual({ ok: true, value: false });
  });
});

describe('rowHash', () => {
  it('ignores the order the source sent fields in, and changes when a value changes', () => {
    const a = checkRawRow(lead, { id: 1, name: 'x', probability: 10, x_extra: { b: 1, a: 2 } });
    const b = checkRawRow(lead, { x_extra: { a: 2, b: 1 }, probability: 10, name: 'x', id: 1 });
    const c = checkRawRow(lead, { id: 1, name: 'x', probability: 11, x_extra: { b: 1, a: 2 } });
    if (!a.ok || !b.ok || !c.ok) throw new Error('rows should pass');
    expect(a.row.rowHash).toBe(b.row.rowHash);
    expect(c.row.rowHash).not.toBe(a.row.rowHash);
    expect(rowHash(a.row.line)).not.toBe(a.row.rowHash); // the extra field counts too
  });
});

describe('checkCopyLine', () => {
  const columns = Object.keys(lead.columns);
  /** A crm_lead COPY line with these fields set and every other field NULL. */
  const lineOf = (fields: Record<string, string>): Buffer =>
    Buffer.from(columns.map((column) => fields[column] ?? '\\N').join('\t'));

  it('hashes the line as it came and takes the key from it', () => {
    const line = lineOf({ id: '42', name: 'Tab\\there', type: 'opportunity' });
    const check = checkCopyLine(lead, line);
    expect(check).toEqual({
      ok: true,
      row: { key: '42', line, extra: {}, rowHash: rowHash(line) },
    });
  });

  it('gives the same line and hash as the same row read as an object', () => {
    const object = checkRawRow(lead, {
      id: 42,
      name: 'Line\nbreak',
      type: 'opportunity',
      probability: '12.5',
      active: true,
    });
    if (!object.ok) throw new Error('row should pass');
    const line = lineOf({
      id: '42',
      name: 'Line\\nbreak',
      type: 'opportunity',
      probability: '12.5',
      active: 't',
    });
    expect(object.row.line.toString()).toBe(line.toString());
    expect(checkCopyLine(lead, line)).toMatchObject({
      ok: true,
      row: { rowHash: object.row.rowHash },
    });
  });

  it('names a missing key or required field, and an oversized text', () => {
    expect(checkCopyLine(lead, lineOf({ name: 'x', type: 'lead' }))).toEqual({
      ok: false,
      key: undefined,
      reason: 'odoo_crm_lead row (no key): id: required but missing',
    });
    expect(checkCopyLine(lead, lineOf({ id: '7', type: 'lead' }))).toMatchObject({
      ok: false,
      key: '7',
      reason: 'odoo_crm_lead row 7: name: required but missing',
    });
    const huge = checkCopyLine(
      lead,
      lineOf({ id: '8', name: 'x', type: 'lead', description: 'a'.repeat(MAX_TEXT_LENGTH + 1) }),
    );
    expect(huge).toMatchObject({
      ok: false,
      key: '8',
      reason: `odoo_crm_lead row 8: description: is ${MAX_TEXT_LENGTH + 1} characters long, over the ${MAX_TEXT_LENGTH} limit`,
    });
  });

  it('reads a line back as a record, integers as numbers', () => {
    const record = copyLineRecord(lead, lineOf({ id: '9', name: 'a\\\\b', type: 'lead' }));
    expect(record).toMatchObject({ id: 9, name: 'a\\b', type: 'lead', partner_id: null });
  });
});
