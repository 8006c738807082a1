const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * Runs of whitespace other than a single space: replacing only those gives the same text
 * as replacing every run, several times faster on prose.
 */
const WHITESPACE_RUNS = /\s{2,}|[^\S ]/g;

/** Odoo stores descriptions as HTML; search and people want the words. */
export function htmlToText(html: string | null | undefined): string | null {
  if (!html) return null;
  const text = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<(br|\/p|\/div|\/li|\/h[1-6])\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(
      /&(#\d+|#x[0-9a-f]+|[a-z]+);/gi,
      (whole, entity: string) => decodeEntity(entity) ?? whole,
    )
    .split('\n')
    .map((line) => line.replace(WHITESPACE_RUNS, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return text || null;
}

function decodeEntity(entity: string): string | undefined {
  if (entity.startsWith('#x') || entity.startsWith('#X')) {
    return String.fromCodePoint(parseInt(entity.slice(2), 16));
  }
  if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
  return ENTITIES[entity.toLowerCase()];
}
