// The small Odoo tables every lead points into (company, currencies, countries and states,
// users and teams, stages, tags, lost reasons, UTM), for 06_generate_sample_sources.ts.
// Names follow Odoo's own data files (shared/fixtures/odoo) where there is one.
import {
  CAMPAIGNS,
  Country,
  COUNTRIES,
  FIRST_NAMES,
  LAST_NAMES,
  SALESPEOPLE,
  STAGES,
  TEAMS,
} from './demo-sample-vocabulary';
import { INSTALL_MS } from './sample-sources-companies';
import { pick, rngFor } from './sample-sources-random';
import { Row } from './sample-sources-sinks';

export const ADMIN_UID = 2;
export const COMPANY_ID = 1;
export const COMPANY_PARTNER_ID = 1;
export const ODOOBOT_PARTNER_ID = 2;
export const CUSTOMER_PARTNER_START = 1001; // own partners (company, OdooBot, users) stay below

export const odooTimestamp = (ms: number) =>
  new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const translatable = (en: string) => ({ en_US: en });

export function magic(createdMs: number, writeMs: number, uid = ADMIN_UID) {
  return {
    create_uid: uid,
    create_date: odooTimestamp(createdMs),
    write_uid: uid,
    write_date: odooTimestamp(writeMs),
  };
}

const installed = () => magic(INSTALL_MS, INSTALL_MS);
const named = (names: readonly string[]) => names.map((name, i) => ({ id: i + 1, name }));

// ---------- users and teams

export interface SalesUser {
  userId: number;
  partnerId: number;
  name: string;
  email: string;
  phone: string;
  city: string;
  teamId: number;
}

export const ALL_TEAMS = [
  ...TEAMS,
  { id: 5, name: 'Enterprise Accounts', active: true, user_id: 7 },
  { id: 6, name: 'Public Sector', active: true, user_id: 8 },
  { id: 7, name: 'Latin America', active: true, user_id: 10 },
  { id: 8, name: 'EMEA', active: true, user_id: 9 },
];
const ACTIVE_TEAM_IDS = ALL_TEAMS.filter((t) => t.active).map((t) => t.id);

// The demo's six salespeople, then one invented colleague per 1,000 leads (at most 200).
export function salesUsers(seed: number, leads: number): SalesUser[] {
  const r = rngFor(seed, 'users', 0);
  const extra = Array.from({ length: Math.min(200, Math.floor(leads / 1000)) }, (_, k) => {
    const locale = pick(r, ['en', 'en', 'es', 'pt', 'de', 'fr'] as const);
    const [first, last] = [pick(r, FIRST_NAMES[locale]), pick(r, LAST_NAMES[locale])];
    const login = `${first}.${last}`.normalize('NFD').replace(/[^A-Za-z.]/g, '');
    return {
      userId: 11 + k,
      partnerId: 12 + k,
      name: `${first} ${last}`,
      email: `${login.toLowerCase()}${k}@yourcompany.example.com`,
      phone: `+1 555-555-${String(200 + k).padStart(4, '0')}`,
      city: pick(r, ['San Francisco', 'Austin', 'New York', 'Chicago']),
      teamId: ACTIVE_TEAM_IDS[k % ACTIVE_TEAM_IDS.length],
    };
  });
  return [...SALESPEOPLE, ...extra];
}

function userRows(users: SalesUser[]): Row[] {
  const system = { id: 1, partner_id: ODOOBOT_PARTNER_ID, login: '__system__', active: false };
  const people = users.map((u) => ({
    id: u.userId,
    partner_id: u.partnerId,
    login: u.email,
    active: true,
  }));
  return [system, ...people].map((u) => ({
    ...u,
    share: false,
    company_id: COMPANY_ID,
    notification_type: 'email', // NOT NULL in Odoo
    sale_team_id: users.find((s) => s.userId === u.id)?.teamId ?? null,
    ...installed(),
  }));
}

function teamRows(): Row[] {
  return ALL_TEAMS.map((t, i) => ({
    ...t,
    name: translatable(t.name),
    sequence: 10 * (i + 1),
    company_id: COMPANY_ID,
    color: i,
    use_leads: true,
    use_opportunities: true,
    assignment_optout: false,
    ...installed(),
  }));
}

function teamMemberRows(users: SalesUser[]): Row[] {
  return users.map((u, i) => ({
    id: i + 1,
    crm_team_id: u.teamId,
    user_id: u.userId,
    active: true,
    assignment_optout: false,
    assignment_max: 30,
    ...installed(),
  }));
}

// ---------- currencies, countries, states

const CURRENCIES = [
  // code, full name, symbol, position, unit, subunit, ISO 4217 number
  ['EUR', 'Euro', '€', 'after', 'Euros', 'Cents', 978],
  ['USD', 'United States dollar', '$', 'before', 'Dollars', 'Cents', 840],
  ['GBP', 'Pound sterling', '£', 'before', 'Pounds', 'Pence', 826],
  ['BRL', 'Brazilian real', 'R$', 'before', 'Reais', 'Centavos', 986],
  ['INR', 'Indian rupee', '₹', 'before', 'Rupees', 'Paise', 356],
  ['JPY', 'Japanese yen', '¥', 'before', 'Yen', 'Sen', 392],
  ['MXN', 'Mexican peso', '$', 'before', 'Pesos', 'Centavos', 484],
  ['AUD', 'Australian dollar', '$', 'before', 'Dollars', 'Cents', 36],
  ['CAD', 'Canadian dollar', '$', 'before', 'Dollars', 'Cents', 124],
  ['SGD', 'Singapore dollar', '$', 'before', 'Dollars', 'Cents', 702],
  ['ZAR', 'South African rand', 'R', 'before', 'Rand', 'Cents', 710],
  ['CLP', 'Chilean peso', '$', 'before', 'Pesos', 'Centavos', 152],
] as const;
const currencyId = (code: string) => CURRENCIES.findIndex((c) => c[0] === code) + 1;
export const USD_ID = currencyId('USD');
const COUNTRY_CURRENCY: Record<string, string> = {
  BR: 'BRL', US: 'USD', DE: 'EUR', FR: 'EUR', GB: 'GBP', IN: 'INR', JP: 'JPY', MX: 'MXN',
  ES: 'EUR', AU: 'AUD', CA: 'CAD', NL: 'EUR', SG: 'SGD', ZA: 'ZAR', CL: 'CLP',
}; // prettier-ignore

function currencyRows(): Row[] {
  return CURRENCIES.map(([name, fullName, symbol, position, unit, subunit, iso], i) => {
    const whole = name === 'JPY' || name === 'CLP';
    return {
      id: i + 1,
      name,
      full_name: fullName,
      symbol,
      rounding: whole ? 1 : 0.01,
      decimal_places: whole ? 0 : 2,
      active: true,
      position,
      currency_unit_label: unit,
      currency_subunit_label: subunit,
      iso_numeric: iso,
      ...installed(),
    };
  });
}

function countryRows(): Row[] {
  return [...COUNTRIES]
    .sort((a, b) => a.id - b.id)
    .map((c) => ({
      id: c.id,
      name: translatable(c.name),
      code: c.code,
      currency_id: currencyId(COUNTRY_CURRENCY[c.code] ?? 'USD'),
      phone_code: Number(c.callingCode),
      name_position: 'before',
      state_required: c.code === 'US' || c.code === 'BR',
      zip_required: true,
      ...installed(),
    }));
}

interface State {
  id: number;
  countryId: number;
  name: string;
  code: string;
}

const US_STATES: Record<string, string> = {
  California: 'CA',
  Illinois: 'IL',
  Texas: 'TX',
  Massachusetts: 'MA',
};

// Initials of the significant words ("Rio Grande do Sul" -> "RGS"), unique per country.
function stateCode(country: Country, name: string, taken: Set<string>): string {
  const initials = name
    .normalize('NFD')
    .replace(/[^A-Za-z ]/g, '')
    .split(' ')
    .filter((w) => w && w[0] === w[0].toUpperCase())
    .map((w) => w[0])
    .join('');
  let code = (country.code === 'US' && US_STATES[name]) || initials.slice(0, 3) || 'X';
  for (let n = 2; taken.has(code); n++) code = `${initials.slice(0, 2)}${n}`;
  taken.add(code);
  return code;
}

// The states and regions of the vocabulary's cities.
const STATES: State[] = COUNTRIES.flatMap((country) => {
  const taken = new Set<string>();
  const names = [...new Set(country.cities.map((c) => c.state).filter((s) => s !== null))];
  return names.map((name) => ({
    countryId: country.id,
    name,
    code: stateCode(country, name, taken),
  }));
}).map((s, i) => ({ id: i + 1, ...s }));

export function stateIdOf(country: Country, state: string | null): number | null {
  return STATES.find((s) => s.countryId === country.id && s.name === state)?.id ?? null;
}

function stateRows(): Row[] {
  return STATES.map((s) => ({
    id: s.id,
    country_id: s.countryId,
    name: s.name,
    code: s.code,
    ...installed(),
  }));
}

// ---------- industries, stages, tags, lost reasons, UTM

// Odoo's res.partner.industry records, and which one each ACE industry falls under.
const ODOO_INDUSTRIES = [
  ['Health/Social', 'Human Health and Social Work Activities'],
  ['Finance/Insurance', 'Financial and Insurance Activities'],
  ['Wholesale/Retail', 'Wholesale and Retail Trade'],
  ['Manufacturing', 'Manufacturing'],
  ['IT/Communication', 'Information and Communication'],
  ['Transportation/Logistics', 'Transportation and Storage'],
  ['Public Administration', 'Public Administration and Defence'],
  ['Education', 'Education'],
  ['Energy supply', 'Electricity, Gas, Steam and Air Conditioning Supply'],
  ['Scientific', 'Professional, Scientific and Technical Activities'],
  ['Food/Hospitality', 'Accommodation and Food Service Activities'],
];
const INDUSTRY_OF_ACE: Record<string, number> = {
  Healthcare: 1, 'Financial Services': 2, Retail: 3, 'Wholesale and Distribution': 3,
  Manufacturing: 4, 'Consumer Goods': 4, Telecommunications: 5, 'Software and Internet': 5,
  'Transportation and Logistics': 6, Government: 7, Education: 8,
  'Energy - Power and Utilities': 9, 'Life Sciences': 10, 'Professional Services': 10,
  Hospitality: 11,
}; // prettier-ignore
export const industryIdOf = (aceIndustry: string) => INDUSTRY_OF_ACE[aceIndustry] ?? null;

export const TAGS = named([
  ...['Product', 'Software', 'Services', 'Information', 'Design', 'Training', 'Consulting'],
  ...['Other', 'AWS Co-sell', 'Migration', 'MAP eligible', 'Public Sector'],
]);
export const LOST_REASONS = named([
  'Too expensive',
  "We don't have people/skills",
  'Not enough stock',
  'Lost to competitor',
  'No budget this year',
  'Project cancelled',
]);
export const UTM_SOURCES = named([
  ...['Search engine', 'Lead Recall', 'Newsletter', 'Facebook', 'X', 'LinkedIn'],
  ...['Partner referral', 'AWS referral', 'Trade show'],
]);
export const UTM_MEDIUMS = named([
  ...['Website', 'Phone', 'Direct', 'Email', 'Banner', 'X', 'Facebook', 'LinkedIn'],
  ...['Television', 'Google Adwords'],
]);
export const UTM_CAMPAIGNS = named([
  ...['Sale', 'Christmas Special', 'Email Campaign - Services', 'Email Campaign - Products'],
  ...CAMPAIGNS,
]);

function smallRows(): Record<string, Row[]> {
  const at = installed();
  return {
    res_partner_industry: ODOO_INDUSTRIES.map(([name, full], i) => ({
      id: i + 1,
      name: translatable(name),
      full_name: translatable(full),
      active: true,
      ...at,
    })),
    crm_stage: STAGES.map((s) => ({ ...s, name: translatable(s.name), fold: false, ...at })),
    crm_tag: TAGS.map((t) => ({ ...t, name: translatable(t.name), color: t.id % 12, ...at })),
    crm_lost_reason: LOST_REASONS.map((l) => ({
      ...l,
      name: translatable(l.name),
      active: true,
      ...at,
    })),
    utm_source: UTM_SOURCES.map((s) => ({ ...s, ...at })),
    utm_medium: UTM_MEDIUMS.map((m) => ({ ...m, active: true, ...at })),
    utm_campaign: UTM_CAMPAIGNS.map((c) => ({
      ...c,
      active: true,
      title: translatable(c.name),
      user_id: ADMIN_UID,
      stage_id: 1, // utm.stage "New"; utm_stage is not one of the source tables
      is_auto_campaign: false,
      color: 0,
      ...at,
    })),
  };
}

function companyRow(): Row {
  return {
    id: COMPANY_ID,
    name: 'YourCompany',
    active: true,
    sequence: 0,
    parent_path: `${COMPANY_ID}/`,
    partner_id: COMPANY_PARTNER_ID,
    currency_id: USD_ID,
    email: 'info@yourcompany.example.com',
    phone: '+1 555-555-5556',
    uses_default_logo: true,
    layout_background: 'Blank',
    ...installed(),
  };
}

// Every reference table except res_partner (see ownPartnerRows) and the leads' tables.
export function referenceRows(users: SalesUser[]): Record<string, Row[]> {
  return {
    res_company: [companyRow()],
    res_currency: currencyRows(),
    res_country: countryRows(),
    res_country_state: stateRows(),
    res_users: userRows(users),
    crm_team: teamRows(),
    crm_team_member: teamMemberRows(users),
    ...smallRows(),
  };
}
