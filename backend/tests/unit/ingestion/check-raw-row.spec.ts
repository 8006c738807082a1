import {
  checkCopyPage,
  checkRawRow,
  copyLineRecord,
  MAX_TEXT_LENGTH,
  rowHash,
  toColumnValue,
} from '@revops/ingestion/raw/check-raw-row';
import { RAW_TABLES } from '@revops/ingestion/raw/raw-table-spec';
import { quarantinePayload } from '@revops/core';

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

describe('checkCopyPage', () => {
  const columns = Object.keys(lead.columns);
  /** A crm_lead COPY line with these fields set and every other field NULL. */
  const lineOf = (fields: Record<string, string>): Buffer =>
    Buffer.from(columns.map((column) => fields[column] ?? '\\N').join('\t'));
  const pageOf = (...lines: Buffer[]) => ({
    text: Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')])),
    lines: lines.length,
  });
  /** The page's good rows as the repository writes them, line by line. */
  const written = (checked: ReturnType<typeof checkCopyPage>): string[] =>
    checked.good.copyText('5').toString().split('\n').slice(0, -1);

  it('hashes each line as it came, takes its key, and writes it with run, hash and {}', () => {
    const first = lineOf({ id: '42', name: 'Tab\\there', type: 'opportunity' });
    const second = lineOf({ id: '43', name: 'Ünïcödé ✓', type: 'lead' });
    const checked = checkCopyPage(lead, pageOf(first, second));
    expect(checked.bad).toEqual([]);
    expect(checked.good.keys).toEqual(['42', '43']);
    expect(written(checked)).toEqual([
      `${first}\t5\t${rowHash(first)}\t{}`,
      `${second}\t5\t${rowHash(second)}\t{}`,
    ]);
    expect(checked.last.toString()).toBe(second.toString());
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
    expect(written(checkCopyPage(lead, pageOf(line)))).toEqual([
      `${line}\t5\t${object.row.rowHash}\t{}`,
    ]);
  });

  it('names a missing key or required field, and an oversized text; the rest of the page passes', () => {
    const checked = checkCopyPage(
      lead,
      pageOf(
        lineOf({ name: 'x', type: 'lead' }),
        lineOf({ id: '7', type: 'lead' }),
        lineOf({ id: '8', name: 'x', type: 'lead', description: 'a'.repeat(MAX_TEXT_LENGTH + 1) }),
        lineOf({ id: '9', name: 'fine', type: 'lead' }),
      ),
    );
    expect(checked.bad.map(({ key, reason }) => ({ key, reason }))).toEqual([
      { key: undefined, reason: 'odoo_crm_lead row (no key): id: required but missing' },
      { key: '7', reason: 'odoo_crm_lead row 7: name: required but missing' },
      {
        key: '8',
        reason: `odoo_crm_lead row 8: description: is ${MAX_TEXT_LENGTH + 1} characters long, over the ${MAX_TEXT_LENGTH} limit`,
      },
    ]);
    expect(checked.bad[1].line.toString()).toBe(lineOf({ id: '7', type: 'lead' }).toString());
    expect(checked.good.keys).toEqual(['9']);
  });

  it('keeps the later of two lines with one key and reports the earlier', () => {
    const earlier = lineOf({ id: '3', name: 'old', type: 'lead' });
    const later = lineOf({ id: '3', name: 'new', type: 'lead' });
    const checked = checkCopyPage(
      lead,
      pageOf(earlier, lineOf({ id: '4', name: 'x', type: 'lead' }), later),
    );
    expect(checked.good.keys).toEqual(['4', '3']);
    expect(written(checked)[1]).toContain('\tnew\t');
    expect(checked.bad).toEqual([
      {
        key: '3',
        reason:
          'odoo_crm_lead row 3: duplicate key in one batch; a later row with the same key was loaded instead',
        line: earlier,
      },
    ]);
  });

  it('reads a line back as a record, integers as numbers', () => {
    const record = copyLineRecord(lead, lineOf({ id: '9', name: 'a\\\\b', type: 'lead' }));
    expect(record).toMatchObject({ id: 9, name: 'a\\b', type: 'lead', partner_id: null });
  });
});
