import * as chrono from 'chrono-node';
import type { Token } from './tokens';

export interface CloseDateFound {
  from?: string;
  to?: string;
  /** Token ranges [first, last] to take out of the query. */
  ranges: [number, number][];
}

/** A period in days since the epoch (UTC), both ends inclusive. */
interface Period {
  start: number;
  end: number;
  /** "end of year", "EOY": a deadline, read as "by" whatever the word before it. */
  deadline?: boolean;
}

interface Expression {
  period: Period;
  /** Index of the expression's last token. */
  last: number;
}

/** Words that make a date in the query the close date. */
const CLOSING = new Set(['closing', 'close', 'closes', 'closed', 'due', 'by']);
/** Words between the closing word and the date that say nothing about it. */
const SKIPPED = new Set(['date', 'dates', 'in', 'on', 'during', 'within', 'for', 'the', 'of']);
/** Stage words after "closed" ("closed won last quarter"): they stay for the stage. */
const STAGE_AFTER_CLOSED = new Set(['won', 'lost']);
type Relation = 'in' | 'before' | 'after' | 'by' | 'between';
const RELATIONS = new Map<string, Relation>([
  ['before', 'before'],
  ['after', 'after'],
  ['since', 'after'],
  ['by', 'by'],
  ['until', 'by'],
  ['till', 'by'],
  ['between', 'between'],
  ['from', 'between'],
]);
const RANGE_JOINERS = new Set(['and', 'to', 'until', 'through']);

const DAY = 86_400_000;
const dayOf = (year: number, month0: number, day: number) =>
  Math.floor(Date.UTC(year, month0, day) / DAY);
const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

type Unit = 'week' | 'month' | 'quarter' | 'year';
const UNITS = new Map<string, Unit>([
  ['week', 'week'],
  ['month', 'month'],
  ['quarter', 'quarter'],
  ['year', 'year'],
]);
const SHIFTS = new Map<string, number>([
  ['this', 0],
  ['current', 0],
  ['next', 1],
  ['coming', 1],
  ['last', -1],
  ['previous', -1],
]);

/** The `unit` holding `today`, moved by `shift` units. */
function periodOf(unit: Unit, today: Date, shift: number): Period {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  if (unit === 'week') {
    const monday =
      dayOf(year, month, today.getUTCDate()) - ((today.getUTCDay() + 6) % 7) + 7 * shift;
    return { start: monday, end: monday + 6 };
  }
  if (unit === 'year')
    return { start: dayOf(year + shift, 0, 1), end: dayOf(year + shift + 1, 0, 1) - 1 };
  const months = unit === 'quarter' ? 3 : 1;
  const first = Math.floor(month / months) * months + shift * months;
  return { start: dayOf(year, first, 1), end: dayOf(year, first + months, 1) - 1 };
}

function quarter(year: number, q: number): Period {
  return { start: dayOf(year, (q - 1) * 3, 1), end: dayOf(year, q * 3, 1) - 1 };
}

const yearAt = (tokens: readonly Token[], i: number): number | undefined =>
  /^(19|20)\d\d$/.test(tokens[i]?.raw ?? '') ? Number(tokens[i].raw) : undefined;

type Rule = (tokens: readonly Token[], at: number, today: Date) => Expression | undefined;
const wordAt = (tokens: readonly Token[], i: number) => tokens[i]?.folded ?? '';

/** "this month", "next quarter", "last year", "current week". */
const relative: Rule = (tokens, at, today) => {
  const shift = SHIFTS.get(wordAt(tokens, at));
  const unit = UNITS.get(wordAt(tokens, at + 1));
  return shift !== undefined && unit
    ? { period: periodOf(unit, today, shift), last: at + 1 }
    : undefined;
};

/** "Q3", "3Q", "Q1 2027", "H2": this year unless a year follows. */
const quarterOrHalf: Rule = (tokens, at, today) => {
  const q = /^q([1-4])$|^([1-4])q$/.exec(wordAt(tokens, at));
  const h = /^h([12])$/.exec(wordAt(tokens, at));
  if (!q && !h) return undefined;
  const year = yearAt(tokens, at + 1);
  const y = year ?? today.getUTCFullYear();
  const period = q
    ? quarter(y, Number(q[1] ?? q[2]))
    : { start: dayOf(y, h?.[1] === '1' ? 0 : 6, 1), end: dayOf(y, h?.[1] === '1' ? 6 : 12, 1) - 1 };
  return { period, last: year ? at + 1 : at };
};

const END_ABBREVIATIONS = new Map<string, Unit>([
  ['eom', 'month'],
  ['eoq', 'quarter'],
  ['eoy', 'year'],
]);

/** "end of (the|next) month/quarter/year", "end of Q3", "year end", "EOQ": deadlines. */
const endOf: Rule = (tokens, at, today) => {
  const deadline = (period: Period, last: number) => ({
    period: { ...period, deadline: true },
    last,
  });
  const abbreviation = END_ABBREVIATIONS.get(wordAt(tokens, at));
  if (abbreviation) return deadline(periodOf(abbreviation, today, 0), at);
  if (wordAt(tokens, at) === 'year' && wordAt(tokens, at + 1) === 'end')
    return deadline(periodOf('year', today, 0), at + 1);
  if (wordAt(tokens, at) !== 'end' || wordAt(tokens, at + 1) !== 'of') return undefined;
  let i = at + 2;
  if (wordAt(tokens, i) === 'the') i++;
  const shift = SHIFTS.get(wordAt(tokens, i));
  if (shift !== undefined) i++;
  const unit = UNITS.get(wordAt(tokens, i));
  if (unit) return deadline(periodOf(unit, today, shift ?? 0), i);
  const q = quarterOrHalf(tokens, i, today);
  return q ? deadline(q.period, q.last) : undefined;
};

/** "(the next) 30 days", "2 weeks", "3 months": from today. */
const nextSpan: Rule = (tokens, at, today) => {
  const i = wordAt(tokens, at) === 'next' ? at + 1 : at;
  const count = /^\d{1,3}$/.test(wordAt(tokens, i)) ? Number(wordAt(tokens, i)) : 0;
  const unit = /^(day|week|month)s?$/.exec(wordAt(tokens, i + 1))?.[1];
  if (!count || !unit) return undefined;
  const [y, m, d] = [today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()];
  const start = dayOf(y, m, d);
  const end = unit === 'month' ? dayOf(y, m + count, d) : start + count * (unit === 'week' ? 7 : 1);
  return { period: { start, end }, last: i + 1 };
};

/** "2027": the whole year. */
const bareYear: Rule = (tokens, at) => {
  const year = yearAt(tokens, at);
  return year
    ? { period: { start: dayOf(year, 0, 1), end: dayOf(year + 1, 0, 1) - 1 }, last: at }
    : undefined;
};

/** Dates chrono does not read, tried before it. */
const OWN_RULES: Rule[] = [relative, quarterOrHalf, endOf, nextSpan, bareYear];

/** A date chrono reads starting exactly at `tokens[at]`, as the day, month or year it names. */
function chronoRule(
  query: string,
  tokens: readonly Token[],
  at: number,
  today: Date,
): Expression | undefined {
  const lastToken = Math.min(tokens.length - 1, at + 5);
  const tail = query.slice(tokens[at].start, tokens[lastToken].end);
  const [result] = chrono.parse(tail, { instant: today, timezone: 'UTC' }, { forwardDate: true });
  if (!result || result.index !== 0) return undefined;
  const toPeriod = (c: chrono.ParsedComponents): Period | undefined => {
    const month0 = (c.get('month') ?? 1) - 1;
    let year = c.get('year') ?? today.getUTCFullYear();
    // chrono moves a month without a year past today: "closing in May", said in May, is this May.
    const thisMonth = month0 === today.getUTCMonth() && year === today.getUTCFullYear() + 1;
    if (thisMonth && !c.isCertain('year') && !c.isCertain('day')) year--;
    if (c.isCertain('day') || c.isCertain('weekday')) {
      const day = dayOf(year, month0, c.get('day') ?? 1);
      return { start: day, end: day };
    }
    if (c.isCertain('month'))
      return { start: dayOf(year, month0, 1), end: dayOf(year, month0 + 1, 1) - 1 };
    if (c.isCertain('year')) return { start: dayOf(year, 0, 1), end: dayOf(year + 1, 0, 1) - 1 };
    return undefined;
  };
  const start = toPeriod(result.start);
  if (!start) return undefined;
  const end = result.end ? toPeriod(result.end) : undefined;
  const endsAt = tokens[at].start + result.text.length;
  let last = at;
  while (last + 1 <= lastToken && tokens[last + 1].end <= endsAt) last++;
  const deadline = /^(the\s+)?end\b/i.test(result.text);
  return { period: { start: start.start, end: (end ?? start).end, deadline }, last };
}

function expressionAt(
  query: string,
  tokens: readonly Token[],
  at: number,
  today: Date,
): Expression | undefined {
  if (at >= tokens.length) return undefined;
  for (const rule of OWN_RULES) {
    const expression = rule(tokens, at, today);
    if (expression) return expression;
  }
  return chronoRule(query, tokens, at, today);
}

/**
 * Close dates, only after a closing word ("closing", "close", "closes", "closed", "due",
 * "by"), so "2024 migration" and "Windows 11" are no dates: "closing this quarter", "due
 * next month", "closing before March 2027", "closing in Q3", "by end of year", "closing
 * between June and August". Relative dates count from `today` (UTC). A deadline ("by …",
 * "end of …") gives only an upper bound; "before"/"after" exclude the day or period named.
 * Several date phrases: the range they all allow.
 */
export function findCloseDate(
  query: string,
  tokens: readonly Token[],
  today: Date,
): CloseDateFound | undefined {
  const found: { from?: number; to?: number; first: number; last: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!CLOSING.has(tokens[i].folded)) continue;
    let first = i;
    let at = i + 1;
    let relation: Relation = tokens[i].folded === 'by' ? 'by' : 'in';
    if (tokens[i].folded === 'closed' && STAGE_AFTER_CLOSED.has(tokens[at]?.folded ?? '')) {
      at++;
      first = at;
    }
    while (at < tokens.length && SKIPPED.has(tokens[at].folded)) at++;
    const said = RELATIONS.get(tokens[at]?.folded ?? '');
    if (said) {
      relation = said;
      at++;
      while (at < tokens.length && SKIPPED.has(tokens[at].folded)) at++;
    }
    const expression = expressionAt(query, tokens, at, today);
    if (!expression) continue;
    const { period } = expression;
    let last = expression.last;
    let range: { from?: number; to?: number };
    if (relation === 'between') {
      const joiner = last + 1;
      const second = RANGE_JOINERS.has(tokens[joiner]?.folded ?? '')
        ? expressionAt(query, tokens, joiner + 1, today)
        : undefined;
      if (!second) continue;
      range = { from: period.start, to: second.period.end };
      last = second.last;
    } else if (period.deadline || relation === 'by') range = { to: period.end };
    else if (relation === 'before') range = { to: period.start - 1 };
    else if (relation === 'after') range = { from: period.end + 1 };
    else range = { from: period.start, to: period.end };
    found.push({ ...range, first, last });
    i = last;
  }
  if (found.length === 0) return undefined;
  const froms = found.flatMap((f) => (f.from === undefined ? [] : [f.from]));
  const tos = found.flatMap((f) => (f.to === undefined ? [] : [f.to]));
  return {
    from: froms.length ? iso(Math.max(...froms)) : undefined,
    to: tos.length ? iso(Math.min(...tos)) : undefined,
    ranges: found.map((f) => [f.first, f.last]),
  };
}
