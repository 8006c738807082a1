import type { Span } from './tokens';

export interface AmountFound {
  min?: number;
  max?: number;
  spans: Span[];
}

const MIN_WORDS = [
  'more than',
  'greater than',
  'higher than',
  'larger than',
  'bigger than',
  'at least',
  'no less than',
  'not less than',
  'upwards of',
  'north of',
  'minimum of',
  'minimum',
  'min',
  'over',
  'above',
  'exceeding',
  'mais de',
  'acima de',
  'pelo menos',
  'no minimo',
  'mas de',
  'por encima de',
  'al menos',
  'como minimo',
  'superior a',
  'plus de',
  'au moins',
  'superieur a',
  'uber',
  'mehr als',
  'mindestens',
  'oltre',
  'piu di',
  'almeno',
  'meer dan',
  'minstens',
];
const MAX_WORDS = [
  'less than',
  'lower than',
  'smaller than',
  'at most',
  'no more than',
  'not more than',
  'up to',
  'maximum of',
  'maximum',
  'max',
  'under',
  'below',
  'menos de',
  'abaixo de',
  'no maximo',
  'ate',
  'hasta',
  'por debajo de',
  'como maximo',
  'inferior a',
  'moins de',
  'au plus',
  "jusqu'a",
  'unter',
  'weniger als',
  'hochstens',
  'bis',
  'meno di',
  'fino a',
  'minder dan',
  'hooguit',
];
const BETWEEN_WORDS = ['between', 'entre', 'zwischen', 'tra', 'tussen'];
const BETWEEN_AND = ['and', 'e', 'y', 'et', 'und', 'en'];
const FROM_WORDS = ['from', 'de', 'desde', 'van', 'von', 'da'];
const FROM_TO = ['to', 'a', 'ate', 'hasta', 'bis', 'tot'];

const SCALES: [RegExp, number][] = [
  [/^(k|thousands?|mil)$/, 1e3],
  [/^(m|mm|mn|mio|millions?|millon|millones|milhao|milhoes)$/, 1e6],
  [/^(b|bn|billions?|bilhao|bilhoes|mrd)$/, 1e9],
];
const CURRENCY_WORDS = new Set(
  'dollar dollars dolar dolares euro euros real reais reales peso pesos pound pounds libra libras'.split(
    ' ',
  ),
);
/** Codes also typed in lower case; other codes count only in capitals ("ALL", "TOP" are words). */
const LOWER_CASE_CODES = new Set(['usd', 'eur', 'gbp', 'brl']);

const words = (list: string[]) =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, '\\s+'))
    .join('|');

// Matched against the query lower-cased with accents dropped, letter for letter, so offsets
// are the query's. Currency marks and codes are read but not kept: the filter applies to
// each row's amount in its own currency.
const NUMBER =
  String.raw`(?<cur>r\$|us\$|a\$|c\$|[$€£¥₹]|[a-z]{3}(?=\s?\d))?\s?` +
  String.raw`(?<num>\d{1,3}(?:[,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)` +
  String.raw`(?:\s?(?<scale>k|thousands?|mil|mm|mn|mio|m|millions?|millon|millones|milhao|milhoes|bn|b|billions?|bilhao|bilhoes|mrd)(?![\p{L}\p{N}]))?` +
  String.raw`(?![\p{L}\p{N}])`;
const named = (prefix: string) => NUMBER.replace(/\?<(\w+)>/g, `?<${prefix}$1>`);
// Two patterns, since a group name appears once per pattern.
const RANGE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?<range>${words([...BETWEEN_WORDS, ...FROM_WORDS])})\s+${named('a')}` +
    String.raw`\s+(?:${words([...BETWEEN_AND, ...FROM_TO])})\s+${named('b')}`,
  'gu',
);
const BOUND = new RegExp(
  String.raw`(?:(?<![\p{L}\p{N}])(?<min>${words(MIN_WORDS)})|(?<![\p{L}\p{N}])(?<max>${words(MAX_WORDS)})` +
    String.raw`|(?<minSign>>=|≥|>)|(?<maxSign><=|≤|<))\s*${named('a')}`,
  'gu',
);

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Words that may follow an amount without a currency: anything else ("users") makes it a count. */
const AFTER_AN_AMOUNT = new Set(
  (
    'in for from of with at on by and or the a an to per that which where closing close closes due ' +
    'en em de do da no na para con com y e et pour avec dans au und mit fur ' +
    'deal deals opportunity opportunities opp opps pipeline oportunidades negocios ' +
    'arr mrr acv tcv revenue value amount spend total budget monthly annual yearly month year ' +
    'over under above below more less between min max up won lost open'
  ).split(' '),
);

interface Parsed {
  value: number;
  /** Written with a currency ("$2m", "100,000 EUR"): surely an amount. */
  currency: boolean;
  /** Written with a scale ("100k", "2 million"): an amount unless a count noun follows. */
  scaled: boolean;
}

function parse(
  groups: Record<string, string | undefined>,
  prefix: string,
  query: string,
  at: number,
): Parsed | undefined {
  const raw = groups[`${prefix}num`];
  if (!raw) return undefined;
  const currency = groups[`${prefix}cur`];
  if (currency && /^[a-z]{3}$/.test(currency) && !isCurrencyCode(query.slice(at, at + 3)))
    return undefined;
  const scale = groups[`${prefix}scale`];
  const factor = scale ? (SCALES.find(([re]) => re.test(scale))?.[1] ?? 1) : 1;
  return { value: numberOf(raw) * factor, currency: !!currency, scaled: !!scale };
}

function isCurrencyCode(written: string): boolean {
  const upper = written.toUpperCase();
  return CURRENCIES.has(upper) && (written === upper || LOWER_CASE_CODES.has(written));
}

/** "1,500,000", "1.500.000" and "1,5" / "2.5": groups of three digits are thousands. */
function numberOf(raw: string): number {
  if (/^\d{1,3}(?:[,.]\d{3})+$/.test(raw)) return Number(raw.replace(/[,.]/g, ''));
  const grouped = /^(\d{1,3}(?:[,.]\d{3})+)[.,](\d+)$/.exec(raw);
  if (grouped) return Number(`${grouped[1].replace(/[,.]/g, '')}.${grouped[2]}`);
  return Number(raw.replace(',', '.'));
}

/**
 * A number is an amount if it has a currency, or if it is scaled ("100k") or large and
 * neither a year nor a count of something else ("over 100k users", "over 5000 employees").
 */
function isAmount(n: Parsed, raw: string, next: string | undefined): boolean {
  if (n.currency) return true;
  const yearLike = /^\d{4}$/.test(raw) && n.value >= 1900 && n.value <= 2100;
  if (!n.scaled && (yearLike || n.value < 1000)) return false;
  return next === undefined || AFTER_AN_AMOUNT.has(next);
}

/** The query lower-cased with accents dropped, one character for one, so offsets hold. */
function foldInPlace(query: string): string {
  let folded = '';
  for (const ch of query) {
    const f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    folded += f.length === ch.length ? f : ch;
  }
  return folded;
}

/**
 * Amount bounds said in words: "over 100k", "more than $2m", "under 1M", "between 50k and
 * 200k", "at least 1 million", "> 100000", and the same in the product's other languages.
 * k/m/b, "thousand/million/billion" and "mil" (Spanish and Portuguese: a thousand) scale the
 * number. A number without a comparison is never an amount ("Windows 11", "2024 migration");
 * nor, without a currency, is a bare number under 1,000, a year, or one followed by another
 * noun ("over 5000 users", "over 100k users"). Bounds are inclusive. Two different lower (or
 * upper) bounds: neither.
 */
export function findAmount(
  query: string,
  usable: (span: Span) => boolean,
): AmountFound | undefined {
  const folded = foldInPlace(query);
  const mins: { value: number; span: Span }[] = [];
  const maxes: { value: number; span: Span }[] = [];
  const ranges = [...folded.matchAll(RANGE)];
  const inRange = (at: number) =>
    ranges.some((r) => at >= (r.index ?? 0) && at < (r.index ?? 0) + r[0].length);
  const bounds = [...folded.matchAll(BOUND)].filter((m) => !inRange(m.index ?? 0));
  for (const match of [...ranges, ...bounds]) {
    const groups = match.groups ?? {};
    const start = match.index ?? 0;
    const span = { start, end: start + match[0].length };
    // A currency after the number: "over 100,000 EUR", "more than 2 million dollars".
    const after = /^\s*([\p{L}\p{N}]+)/u.exec(query.slice(span.end));
    const currencyAfter =
      after && (isCurrencyCode(after[1]) || CURRENCY_WORDS.has(after[1].toLowerCase()));
    if (after && currencyAfter) span.end += after[0].length;
    if (!usable(span)) continue;
    const next = currencyAfter ? undefined : after?.[1].toLowerCase();
    const numberAt = (prefix: string) =>
      start + match[0].indexOf(groups[`${prefix}cur`] ?? groups[`${prefix}num`] ?? '');
    const a = parse(groups, 'a', query, numberAt('a'));
    if (!a) continue;
    if (currencyAfter) a.currency = true;
    if (groups.range) {
      const b = parse(
        groups,
        'b',
        query,
        start + match[0].lastIndexOf(groups.bcur ?? groups.bnum ?? ''),
      );
      if (!b) continue;
      if (currencyAfter) b.currency = true;
      // "between 1 and 2 million": the second number's scale applies to the first.
      if (!a.scaled && b.scaled && /^\d+$/.test(groups.anum ?? '')) {
        const scaled = a.value * (b.value / numberOf(groups.bnum ?? '1'));
        if (scaled <= b.value) Object.assign(a, { value: scaled, scaled: true });
      }
      const currency = a.currency || b.currency;
      if (
        !currency &&
        !(isAmount(a, groups.anum ?? '', 'and') && isAmount(b, groups.bnum ?? '', next))
      )
        continue;
      mins.push({ value: Math.min(a.value, b.value), span });
      maxes.push({ value: Math.max(a.value, b.value), span });
      continue;
    }
    if (!isAmount(a, groups.anum ?? '', next)) continue;
    (groups.min || groups.minSign ? mins : maxes).push({ value: a.value, span });
  }
  const bound = (found: { value: number }[]) =>
    new Set(found.map((f) => f.value)).size === 1 ? found[0].value : undefined;
  const min = bound(mins);
  const max = bound(maxes);
  if (min === undefined && max === undefined) return undefined;
  const spans = [...(min !== undefined ? mins : []), ...(max !== undefined ? maxes : [])].map(
    (f) => f.span,
  );
  return { min, max, spans };
}
