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
