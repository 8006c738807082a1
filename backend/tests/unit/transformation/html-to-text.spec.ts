import { htmlToText } from '@revops/transformation/mapping/html-to-text';
import { translatedName } from '@revops/transformation/mapping/translated-name';

describe('htmlToText', () => {
  it('keeps the words and paragraph breaks, drops tags, decodes entities', () => {
    expect(
      htmlToText('<p>Migrate the <b>data warehouse</b> &amp; BI.</p><p>Go&nbsp;live Q3</p>'),
    ).toBe('Migrate the data warehouse & BI.\nGo live Q3');
  });

  it('returns null for empty or tag-only HTML', () => {
    expect(htmlToText(null)).toBeNull();
    expect(htmlToText('<p><br></p>')).toBeNull();
  });

  it('drops script and style content', () => {
    expect(htmlToText('<style>p{}</style><p>Hi</p><script>alert(1)</script>')).toBe('Hi');
  });

  it.each([
    ['a NUL reference', '<p>a&#0;b</p>', 'ab'],
    ['a reference out of Unicode', 'x &#99999999; y &#x110000; z', 'x y z'],
    ['a raw NUL and control characters', 'a\u0000b\u0007c', 'abc'],
    ['named entities', 'Caf&eacute; &mdash; it&rsquo;s &hellip;', 'Café — it’s …'],
    ['an entity without its semicolon', 'Fish &amp chips', 'Fish & chips'],
    ['an encoded tag, which is text', '&lt;b&gt;bold&lt;/b&gt;', '<b>bold</b>'],
    ['an HTML comment', 'keep <!-- secret note --> this', 'keep this'],
    ['an unclosed comment', 'keep <!-- runs to the end', 'keep'],
    ['comparisons in text', '1 < 2 and 3 > 2', '1 < 2 and 3 > 2'],
    ['an unclosed script', 'ok<script>alert(1)', 'ok'],
    ['nested lists', '<ul><li>one<ul><li>two</li></ul></li><li>three</li></ul>', 'one\ntwo\nthree'],
    ['line breaks', 'first<br>second<br/>third<BR />', 'first\nsecond\nthird'],
    ['a tag with attributes', '<a href="https://x.example" title="x">link</a>', 'link'],
    ['plain text', 'Just words.', 'Just words.'],
  ])('%s', (_, html, text) => {
    const result = htmlToText(html);
    expect(result).toBe(text);
    expect(result?.includes('\u0000')).not.toBe(true);
  });
});

describe('translatedName', () => {
  it('prefers the language asked for, then English, then any', () => {
    expect(translatedName({ en_US: 'Won', fr_FR: 'Gagné' }, 'fr_FR')).toBe('Gagné');
    expect(translatedName({ en_US: 'Won', fr_FR: 'Gagné' })).toBe('Won');
    expect(translatedName({ de_DE: 'Gewonnen' })).toBe('Gewonnen');
  });

  it('accepts Odoo 15 plain text and nothing else', () => {
    expect(translatedName('New')).toBe('New');
    expect(translatedName(null)).toBeNull();
    expect(translatedName(42)).toBeNull();
  });
});
