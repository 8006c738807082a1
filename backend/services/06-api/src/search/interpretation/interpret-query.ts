import { findAmount } from './amount';
import { findCloseDate } from './close-date';
import { findCountry } from './countries';
import { findIndustry } from './industries';
import { findStageCategory, type StageCategory } from './stage-category';
import { type Span, tokenize, withoutSpans } from './tokens';

export interface QueryInterpretation {
  /** The words left to match by text and vector, the understood phrases taken out. */
  text: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  /** One of ACE's Customer.Account.Industry values. */
  industry?: string;
  stageCategory?: StageCategory;
  amountMin?: number;
  amountMax?: number;
  /** YYYY-MM-DD, inclusive. */
  closeDateFrom?: string;
  closeDateTo?: string;
}

/**
 * Words that mean nothing once the phrases around them are understood: "deals over 100k
 * and under 1M in Brazil" leaves "deals and", which is no text to match.
 */
const LEFTOVER = new Set(
  (
    'a an the and or with for of in on at to from all any my our me show list find ' +
    'deal deals opportunity opportunities opp opps lead leads pipeline ' +
    'e y o os as el la los las de do da en em com con para que et le les des du au aux und mit der die das ' +
    'oportunidad oportunidades oportunidade negocio negocios'
  ).split(' '),
);

/**
 * What an analyst's query names besides words to match: a close date, an amount, a country,
 * an industry and a stage category (read in that order, each from the words the ones before
 * left). Understood phrases leave `text`, except the industry: "hospital group" also
 * describes the project. `today` anchors relative dates; otherwise pure.
 */
export function interpretQuery(q: string, today: Date): QueryInterpretation {
  const tokens = tokenize(q);
  const taken = new Array<boolean>(tokens.length).fill(false);
  const usable = (i: number) => !taken[i];
  const spans: Span[] = [];
  const inside = (span: Span) =>
    tokens.flatMap((t, i) => (t.start >= span.start && t.end <= span.end ? [i] : []));
  const takeSpan = (span: Span) => {
    for (const i of inside(span)) taken[i] = true;
    spans.push(span);
  };
  const take = (first: number, last: number) =>
    takeSpan({ start: tokens[first].start, end: tokens[last].end });
  const found: QueryInterpretation = { text: '' };

  const date = findCloseDate(q, tokens, today);
  if (date) {
    for (const [first, last] of date.ranges) take(first, last);
    found.closeDateFrom = date.from;
    found.closeDateTo = date.to;
  }

  const amount = findAmount(q, (span) => inside(span).every(usable));
  if (amount) {
    amount.spans.forEach(takeSpan);
    found.amountMin = amount.min;
    found.amountMax = amount.max;
  }

  const country = findCountry(q, tokens, usable);
  if (country) {
    country.spans.forEach(takeSpan);
    found.country = country.code;
  }

  found.industry = findIndustry(tokens, usable);

  const stage = findStageCategory(tokens, usable);
  if (stage) {
    for (const [first, last] of stage.ranges) take(first, last);
    found.stageCategory = stage.category;
  }

  const left = withoutSpans(q, spans);
  const meaningful = tokenize(left).some((token) => !LEFTOVER.has(token.folded));
  found.text = meaningful || spans.length === 0 ? left : '';
  return Object.fromEntries(
    Object.entries(found).filter(([, value]) => value !== undefined),
  ) as unknown as QueryInterpretation;
}
