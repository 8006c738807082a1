import { MatchRecord } from '../records/match-record';
import { ADDRESS_LEVELS, compareAddresses } from './address';
import {
  AMOUNT_LEVELS,
  amountBand,
  CLOSE_DATE_LEVELS,
  closeDateBand,
  STAGE_LEVELS,
  stageBand,
  TEXT_LEVELS,
  textBand,
} from './deal-bands';
import { compareOrgNames, NAME_LEVELS } from './name-comparison';
import { compareContacts, CONTACT_LEVELS } from './person-name';

/**
 * Every comparison a pair is read by, each into one level (or `missing`: no evidence, weight
 * 0). `customer` comparisons say whether the two records name the same customer; `deal`
 * comparisons whether they are the same deal of it. The model needs the split: one customer
 * has several deals, so customer evidence alone must not make a match (model/score.ts).
 * Levels are listed strongest agreement first. `tf`: a level that agrees on a value is
 * weighed by how rare that value is (term-frequency adjustment).
 */
export const COMPARISONS = {
  name: { group: 'customer', levels: NAME_LEVELS, tf: true },
  domain: { group: 'customer', levels: ['equal', 'different'], tf: true },
  account: { group: 'customer', levels: ['equal', 'different'], tf: true },
  country: { group: 'customer', levels: ['equal', 'different'], tf: false },
  address: { group: 'customer', levels: ADDRESS_LEVELS, tf: true },
  phone: { group: 'customer', levels: ['equal', 'different'], tf: true },
  email: { group: 'customer', levels: ['equal', 'different'], tf: true },
  contact: { group: 'customer', levels: CONTACT_LEVELS, tf: false },
  duns: { group: 'customer', levels: ['equal', 'different'], tf: false },
  reference: { group: 'deal', levels: ['equal', 'different'], tf: false },
  closeDate: { group: 'deal', levels: CLOSE_DATE_LEVELS, tf: false },
  amount: { group: 'deal', levels: AMOUNT_LEVELS, tf: false },
  text: { group: 'deal', levels: TEXT_LEVELS, tf: false },
  stage: { group: 'deal', levels: STAGE_LEVELS, tf: false },
} as const;

export type ComparisonName = keyof typeof COMPARISONS;
export type ComparisonGroup = 'customer' | 'deal';
export const COMPARISON_NAMES = Object.keys(COMPARISONS) as ComparisonName[];
export const levelsOf = (c: ComparisonName): readonly string[] => COMPARISONS[c].levels;
export const groupOf = (c: ComparisonName): ComparisonGroup => COMPARISONS[c].group;

/** One comparison's reading of a pair. */
export interface Observation {
  comparison: ComparisonName;
  /** One of the comparison's levels, or `missing`. */
  level: string;
  /** What was compared, for people: a similarity, days, months, the shared value. */
  value: string | number | null;
  /** The values both records share, whose rarity weighs the agreement (tf comparisons). */
  shared?: string[];
}

const missing = (comparison: ComparisonName): Observation => ({ comparison, level: 'missing', value: null }); // prettier-ignore

function equality(comparison: ComparisonName, a: string[], b: string[]): Observation {
  if (a.length === 0 || b.length === 0) return missing(comparison);
  const shared = a.filter((v) => b.includes(v));
  return shared.length
    ? { comparison, level: 'equal', value: shared[0], shared }
    : { comparison, level: 'different', value: `${a[0]} ≠ ${b[0]}` };
}

const one = (value: string | null): string[] => (value ? [value] : []);

function name(ace: MatchRecord, odoo: MatchRecord): Observation {
  if (!ace.name || !odoo.name) return missing('name');
  const { level, similarity, shared } = compareOrgNames(ace.name, odoo.name);
  return { comparison: 'name', level, value: Math.round(similarity * 1000) / 1000, shared };
}

function address(ace: MatchRecord, odoo: MatchRecord): Observation {
  if (!ace.address || !odoo.address) return missing('address');
  const { level, value } = compareAddresses(ace.address, odoo.address);
  return { comparison: 'address', level, value, shared: value && level !== 'street' ? [value] : undefined }; // prettier-ignore
}

function reference(ace: MatchRecord, odoo: MatchRecord): Observation {
  if (!ace.reference) return missing('reference');
  return { comparison: 'reference', level: ace.reference === odoo.id ? 'equal' : 'different', value: ace.reference }; // prettier-ignore
}

function closeDate(ace: MatchRecord, odoo: MatchRecord): Observation {
  if (!ace.closeDate || !odoo.closeDate) return missing('closeDate');
  const { level, days } = closeDateBand(ace.closeDate, odoo.closeDate);
  return { comparison: 'closeDate', level, value: days };
}

function amount(ace: MatchRecord, odoo: MatchRecord): Observation {
  const [a, o] = [ace.amount, odoo.amount];
  if (!a || !o || !('monthly' in a) || !('total' in o)) return missing('amount');
  const { level, months } = amountBand(o.total, a.monthly, a.months);
  return { comparison: 'amount', level, value: months };
}

function stage(ace: MatchRecord, odoo: MatchRecord): Observation {
  const odooStage = odoo.stage as 'open' | 'won' | 'lost' | null;
  if (!ace.stage || !odooStage) return missing('stage');
  return { comparison: 'stage', level: stageBand(odooStage, ace.stage), value: `${odooStage} / ${ace.stage}` }; // prettier-ignore
}

/**
 * Every comparison's reading of an ACE opportunity and an Odoo lead, in COMPARISONS order.
 * `textCosine`: the cosine of their vectors (null when either has none).
 */
export function compareRecords(
  ace: MatchRecord,
  odoo: MatchRecord,
  textCosine: number | null,
): Observation[] {
  const contact = compareContacts(ace.contacts, odoo.contacts);
  return [
    name(ace, odoo),
    equality('domain', one(ace.domain), one(odoo.domain)),
    equality('account', ace.awsAccounts, odoo.awsAccounts),
    equality('country', one(ace.country), one(odoo.country)),
    address(ace, odoo),
    equality('phone', ace.phones, odoo.phones),
    equality('email', ace.emails, odoo.emails),
    { comparison: 'contact', level: contact, value: null },
    equality('duns', one(ace.duns), one(odoo.duns)),
    reference(ace, odoo),
    closeDate(ace, odoo),
    amount(ace, odoo),
    textCosine === null
      ? missing('text')
      : { comparison: 'text', level: textBand(textCosine), value: Math.round(textCosine * 1000) / 1000 }, // prettier-ignore
    stage(ace, odoo),
  ];
}
