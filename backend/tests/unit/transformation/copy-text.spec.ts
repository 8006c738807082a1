import { copyField, copyText } from '@revops/transformation/mapping/copy-text';

describe('copyField', () => {
  it('writes NULL, booleans and numbers as PostgreSQL reads them', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField(true)).toBe('t');
    expect(copyField(false)).toBe('f');
    expect(copyField(42)).toBe('42');
    expect(copyField(0.25)).toBe('0.25');
    expect(copyField('12345.67')).toBe('12345.67');
  });

  it('escapes backslash, tab, newline and carriage return, and nothing else', () => {
    expect(copyField('a\\b\tc\nd\re "é" \\N')).toBe('a\\\\b\\tc\\nd\\re "é" \\\\N');
    expect(copyField('')).toBe('');
  });

  it('writes a text array with every element quoted', () => {
    expect(copyField([])).toBe('{}');
    expect(copyField(['MAP eligible', 'Public Sector'])).toBe('{"MAP eligible","Public Sector"}');
    // Array quoting first, then COPY escaping doubles each backslash once more.
    expect(copyField(['say "hi"', 'a,b{c}', 'back\\slash', null])).toBe(
      '{"say \\\\"hi\\\\"","a,b{c}","back\\\\\\\\slash",NULL}',
    );
  });
});

describe('copyText', () => {
  it('writes one line per row, its columns in the order given, tab separated', () => {
    const rows = [
      { id: 1, name: 'Acme\tCorp', won: true, tags: ['x'] },
      { id: 2, name: null, won: false, tags: [] },
    ];
    expect(copyText(rows, ['id', 'won', 'name', 'tags'])).toBe(
      '1\tt\tAcme\\tCorp\t{"x"}\n2\tf\t\\N\t{}\n',
    );
  });
});
