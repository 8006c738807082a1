import { PairFeatures } from './pair-features';

/**
 * The signals a pair is scored on. Each maps a pair to one level (a bin); each level has a
 * weight (weights.ts). Levels are coarse on purpose: a weight per level can be estimated
 * from a few hundred labelled pairs, and an analyst can read it.
 */
export const SIGNALS = {
  reference: ['equal', 'different', 'missing'],
  name: ['exact', 'high', 'medium', 'low', 'missing'],
  domain: ['equal', 'different', 'missing'],
  account: ['equal', 'different', 'missing'],
  country: ['equal', 'different', 'missing'],
  closeDate: ['week', 'month', 'quarter', 'further', 'missing'],
  amount: ['consistent', 'plausible', 'inconsistent', 'missing'],
  text: ['very similar', 'similar', 'related', 'different', 'missing'],
  stage: ['consistent', 'inconsistent', 'missing'],
} as const;

export type Signal = keyof typeof SIGNALS;
export type Level<S extends Signal = Signal> = (typeof SIGNALS)[S][number];
export const SIGNAL_NAMES = Object.keys(SIGNALS) as Signal[];

/** One signal's reading of a pair: the level and the value it was read from. */
export interface Observation {
  signal: Signal;
  level: Level;
  value: string | number | null;
}

const DAY_MS = 86_400_000;
const round = (x: number, digits = 3) => Number(x.toFixed(digits));

function equality(
  a: string | null,
  b: string | null,
): { level: 'equal' | 'different' | 'missing'; value: string | null } {
  if (!a || !b) return { level: 'missing', value: a ?? b };
  return a === b ? { level: 'equal', value: a } : { level: 'different', value: `${a} ≠ ${b}` };
}

function reference(p: PairFeatures): Observation {
  const ref = p.partnerReference;
  if (!ref) return { signal: 'reference', level: 'missing', value: null };
  return { signal: 'reference', level: ref === p.odooId ? 'equal' : 'different', value: ref };
}

function name(p: PairFeatures): Observation {
  const s = p.nameSimilarity;
  if (s === null) return { signal: 'name', level: 'missing', value: null };
  const level = s >= 0.999 ? 'exact' : s >= 0.8 ? 'high' : s >= 0.5 ? 'medium' : 'low';
  return { signal: 'name', level, value: round(s) };
}

function account(p: PairFeatures): Observation {
  if (!p.aceAccount || p.odooAccounts.length === 0) {
    return { signal: 'account', level: 'missing', value: p.aceAccount };
  }
  const level = p.odooAccounts.includes(p.aceAccount) ? 'equal' : 'different';
  return { signal: 'account', level, value: p.aceAccount };
}

/** Days between the two close dates: the systems drift by days to weeks. */
function closeDate(p: PairFeatures): Observation {
  if (!p.aceCloseDate || !p.odooCloseDate) {
    return { signal: 'closeDate', level: 'missing', value: null };
  }
  const days = Math.round(
    Math.abs(Date.parse(p.aceCloseDate) - Date.parse(p.odooCloseDate)) / DAY_MS,
  );
  const level = days <= 7 ? 'week' : days <= 45 ? 'month' : days <= 120 ? 'quarter' : 'further';
  return { signal: 'closeDate', level, value: days };
}

/**
 * Odoo's expected revenue is the deal's total; ACE gives expected monthly AWS spend (and
 * sometimes the contract's months). With months: the totals should agree within a third.
 * Without: the Odoo total should be one to four years of the monthly spend (consistent:
 * 10–45 months, plausible: 4–90). The value shown is the ratio.
 */
function amount(p: PairFeatures): Observation {
  const monthly = p.aceMonthlySpend;
  if (!monthly || !p.odooRevenue || monthly <= 0 || p.odooRevenue <= 0) {
    return { signal: 'amount', level: 'missing', value: null };
  }
  if (p.aceContractMonths) {
    const ratio = p.odooRevenue / (monthly * p.aceContractMonths);
    const level =
      ratio >= 0.75 && ratio <= 1.33
        ? 'consistent'
        : ratio >= 0.5 && ratio <= 2
          ? 'plausible'
          : 'inconsistent';
    return { signal: 'amount', level, value: round(ratio, 2) };
  }
  const months = p.odooRevenue / monthly;
  const level =
    months >= 10 && months <= 45 ? 'consistent' : months >= 4 && months <= 90 ? 'plausible' : 'inconsistent'; // prettier-ignore
  return { signal: 'amount', level, value: round(months, 1) };
}

function text(p: PairFeatures): Observation {
  const s = p.textSimilarity;
  if (s === null) return { signal: 'text', level: 'missing', value: null };
  const level = s >= 0.9 ? 'very similar' : s >= 0.8 ? 'similar' : s >= 0.7 ? 'related' : 'different'; // prettier-ignore
  return { signal: 'text', level, value: round(s) };
}

const ACE_OPEN = new Set([
  'Prospect',
  'Qualified',
  'Technical Validation',
  'Business Validation',
  'Committed',
]);

/** Won ↔ Launched (or Committed), lost ↔ Closed Lost, open ↔ an open ACE stage. */
function stage(p: PairFeatures): Observation {
  if (!p.aceStage || !p.odooStage) return { signal: 'stage', level: 'missing', value: null };
  const odoo = p.odooWon ? 'won' : p.odooLost ? 'lost' : 'open';
  const consistent =
    odoo === 'won'
      ? p.aceStage === 'Launched' || p.aceStage === 'Committed'
      : odoo === 'lost'
        ? p.aceStage === 'Closed Lost'
        : ACE_OPEN.has(p.aceStage);
  return {
    signal: 'stage',
    level: consistent ? 'consistent' : 'inconsistent',
    value: `${p.odooStage}${odoo === 'lost' ? ' (lost)' : ''} / ${p.aceStage}`,
  };
}

/** Every signal's reading of a pair, in SIGNALS order. */
export function observe(p: PairFeatures): Observation[] {
  return [
    reference(p),
    name(p),
    { signal: 'domain', ...equality(p.aceDomain, p.odooDomain) },
    account(p),
    { signal: 'country', ...equality(p.aceCountry, p.odooCountry) },
    closeDate(p),
    amount(p),
    text(p),
    stage(p),
  ];
}
