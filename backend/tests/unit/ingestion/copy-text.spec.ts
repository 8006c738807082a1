import {
  arrayText,
  copyField,
  escapeCopyText,
  jsonbText,
  unescapeCopyText,
} from '@revops/ingestion/raw/copy-text';

describe('COPY text', () => {
  it('escapes what PostgreSQL escapes, and reads it back', () => {
    const text = 'a\tb\nc\rd\\e\bf\fg\vh';
    const escaped = escapeCopyText(text);
    expect(escaped).toBe('a\\tb\\nc\\rd\\\\e\\bf\\fg\\vh');
    expect(unescapeCopyText(escaped)).toBe(text);
    expect(unescapeCopyText('\\N')).toBeNull();
    expect(unescapeCopyText('plain')).toBe('plain');
  });

  it('prints values the way PostgreSQL does for each column type', () => {
    expect(copyField('boolean', false)).toBe('f');
    expect(copyField('integer', 42)).toBe('42');
    expect(copyField('text', null)).toBe('\\N');
    expect(copyField('jsonb', { fr_FR: 'Nouveau', en_US: 'New' })).toBe(
      '{"en_US": "New", "fr_FR": "Nouveau"}',
    );
    expect(copyField('text[]', ['SaaS or PaaS', 'x'])).toBe('{"SaaS or PaaS",x}');
  });

  it('orders jsonb keys shorter first, then bytewise, and spaces like jsonb', () => {
    expect(jsonbText({ bb: 1, a: [true, null, 'x'], c: { z: 1, yy: 2 } })).toBe(
      '{"a": [true, null, "x"], "c": {"z": 1, "yy": 2}, "bb": 1}',
    );
    expect(jsonbText([])).toBe('[]');
    expect(jsonbText({})).toBe('{}');
  });

  it('quotes text[] elements only where PostgreSQL must', () => {
    expect(arrayText(['plain', '', 'with space', 'say "hi"', 'back\\slash', 'null', 'a,b'])).toBe(
      '{plain,"","with space","say \\"hi\\"","back\\\\slash","null","a,b"}',
    );
  });
});
