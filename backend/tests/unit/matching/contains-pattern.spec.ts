import { containsPattern } from '@revops/matching/review/contains-pattern';

describe('containsPattern', () => {
  it('finds the text anywhere', () => {
    expect(containsPattern('acme')).toBe('%acme%');
  });

  it('takes LIKE wildcards and the escape character literally', () => {
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(containsPattern('C:\\data')).toBe('%C:\\\\data%');
    expect(containsPattern('%_\\')).toBe('%\\%\\_\\\\%');
  });
});
