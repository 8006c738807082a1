import { decodeHTML } from 'entities';

/**
 * Runs of whitespace other than a single space: replacing only those gives the same text
 * as replacing every run, several times faster on prose.
 */
const WHITESPACE_RUNS = /\s{2,}|[^\S ]/g;

/**
 * Control characters PostgreSQL text refuses (NUL) or that no reader wants, and the
 * replacement character the decoder gives a reference to nothing (`&#0;`, `&#99999999;`).
 * Tabs and line breaks are whitespace and stay until the whitespace pass.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNWANTED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

/**
 * Odoo stores descriptions as HTML; search and people want the words. Comments, scripts and
 * styles go; a block's end is a line break; a tag is `<` followed by a letter (or `/` and a
 * letter), so `1 < 2 and 3 > 2` stays text. Entities are decoded last, by the `entities`
 * package (every named entity of HTML, numeric references per the HTML standard), so an
 * encoded `&lt;b&gt;` stays text too. Never throws: any input gives text or null.
 */
export function htmlToText(html: string | null | undefined): string | null {
  if (!html) return null;
  const stripped = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<\/?(?:br|p|div|li|ul|ol|tr|h[1-6])\b[^>]*>/gi, '\n')
    .replace(/<\/?[a-z][^>]*>/gi, ' ');
  const text = decodeHTML(stripped)
    .replace(UNWANTED, '')
    .split('\n')
    .map((line) => line.replace(WHITESPACE_RUNS, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return text || null;
}
