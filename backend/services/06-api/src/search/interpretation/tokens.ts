/** A word of the query, with where it stands in the query as written. */
export interface Token {
  /** As written, dots of an acronym removed ("U.S." → "US"). */
  raw: string;
  /** Lower case, accents and apostrophe variants folded: what tables are keyed by. */
  folded: string;
  start: number;
  end: number;
}

// Dotted acronyms first ("U.S.", "U.K."); an apostrophe inside a word keeps it one word, so
// "won't" never reads as "won". Hyphens, slashes and the rest split words.
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** Case- and accent-insensitive form of a word or phrase. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/’/g, "'");
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    const raw = match[0].includes('.') ? match[0].replace(/\./g, '') : match[0];
    tokens.push({ raw, folded: fold(raw), start, end: start + match[0].length });
  }
  return tokens;
}

/** A phrase of a table as the query's words would read it: "Côte d’Ivoire" → "cote d'ivoire". */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((token) => token.folded)
    .join(' ');
}

/** A span of the query, in characters, that an interpretation took out of `text`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The query with the spans cut out, whitespace collapsed. A bracket or mark right next to a
 * cut phrase goes with it: "Myanmar (Burma)", "in Brazil,".
 */
export function withoutSpans(text: string, spans: readonly Span[]): string {
  const ordered = [...spans]
    .map(({ start, end }) => {
      while (start > 0 && '([{'.includes(text[start - 1])) start--;
      while (end < text.length && ')]}.,;:!?'.includes(text[end])) end++;
      return { start, end };
    })
    .sort((a, b) => a.start - b.start);
  let kept = '';
  let at = 0;
  for (const span of ordered) {
    if (span.start > at) kept += `${text.slice(at, span.start)} `;
    at = Math.max(at, span.end);
  }
  kept += text.slice(at);
  return kept.replace(/\s+/g, ' ').trim();
}
