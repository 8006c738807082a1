// Odoo res_partner and crm_lead rows (database-row shape, column names as in
// data/schemas/discovery/odoo) for 06_generate_sample_sources.ts.
import { STAGES } from './demo-sample-vocabulary';
import { Company, DAY_MS, e164, INSTALL_MS, Person, personCount } from './sample-sources-companies';
import { Plan, problemText } from './sample-sources-deals';
import {
  COMPANY_ID,
  COMPANY_PARTNER_ID,
  CUSTOMER_PARTNER_START,
  industryIdOf,
  isoDate,
  magic,
  ODOOBOT_PARTNER_ID,
  odooTimestamp,
  SalesUser,
  stateIdOf,
} from './sample-sources-odoo-reference';
import { Row } from './sample-sources-sinks';

// Customer partner ids: each company, then its contacts. Only the offsets are kept (4 bytes a
// company), so a lead can find its partner without the partner rows.
export class PartnerIds {
  private readonly offsets: Int32Array;

  constructor(seed: number, companies: number) {
    this.offsets = new Int32Array(companies);
    for (let j = 1; j < companies; j++) {
      this.offsets[j] = this.offsets[j - 1] + 1 + personCount(seed, j - 1);
    }
  }

  company = (index: number) => CUSTOMER_PARTNER_START + this.offsets[index];
  contact = (index: number, k: number) => this.company(index) + 1 + k;
}

const LANG: Record<string, string> = {
  BR: 'pt_BR', DE: 'de_DE', FR: 'fr_FR', JP: 'ja_JP', MX: 'es_MX', ES: 'es_ES', NL: 'nl_NL',
  CL: 'es_CL', IN: 'en_IN', GB: 'en_GB', AU: 'en_AU', CA: 'en_CA', SG: 'en_SG', ZA: 'en_ZA',
}; // prettier-ignore
const TZ: Record<string, string> = {
  BR: 'America/Sao_Paulo', US: 'America/Chicago', DE: 'Europe/Berlin', FR: 'Europe/Paris',
  GB: 'Europe/London', IN: 'Asia/Kolkata', JP: 'Asia/Tokyo', MX: 'America/Mexico_City',
  ES: 'Europe/Madrid', AU: 'Australia/Sydney', CA: 'America/Toronto', NL: 'Europe/Amsterdam',
  SG: 'Asia/Singapore', ZA: 'Africa/Johannesburg', CL: 'America/Santiago',
}; // prettier-ignore

// House number from the company index: stable without spending a random draw.
export function streetOf(c: Company): string {
  const number = 10 + ((c.index * 37) % 2400);
  return c.country.locales[0] === 'en'
    ? `${number} ${c.city.street}`
    : `${c.city.street}, ${number}`;
}

const emailDomain = (email: string | null) => email?.split('@')[1] ?? null;

function addressOf(c: Company) {
  return {
    street: streetOf(c),
    zip: c.city.postal,
    city: c.city.name,
    state_id: stateIdOf(c.country, c.city.state),
    country_id: c.country.id,
  };
}

export function companyPartnerRow(c: Company, id: number, user: SalesUser): Row {
  return {
    id,
    name: c.name,
    complete_name: c.name,
    lang: LANG[c.country.code] ?? 'en_US',
    tz: TZ[c.country.code] ?? null,
    user_id: user.userId,
    vat: c.vat,
    website: `https://www.${c.domain}`,
    active: true,
    employee: false,
    type: 'contact',
    ...addressOf(c),
    email: `info@${c.domain}`,
    phone: c.phone,
    is_company: true,
    industry_id: industryIdOf(c.industry.ace),
    color: 0,
    partner_share: true,
    commercial_partner_id: id,
    commercial_company_name: c.name,
    team_id: user.teamId,
    email_normalized: `info@${c.domain}`,
    message_bounce: 0,
    phone_sanitized: e164(c.phone),
    ...magic(c.createdMs, c.createdMs, user.userId),
  };
}

// A contact: Odoo copies the address and commercial fields from the parent company.
export function personPartnerRow(c: Company, p: Person, id: number, parent: Row): Row {
  const createdMs = c.createdMs + DAY_MS;
  return {
    ...parent,
    id,
    name: p.name,
    complete_name: `${c.name}, ${p.name}`,
    parent_id: parent.id,
    vat: null,
    website: null,
    function: p.title,
    email: p.email,
    phone: p.phone,
    is_company: false,
    email_normalized: p.email,
    phone_sanitized: e164(p.phone),
    ...magic(createdMs, createdMs, parent.create_uid as number),
  };
}

// YourCompany, OdooBot and the salespeople's partners, as in base/res_users_demo.xml.
export function ownPartnerRows(users: SalesUser[]): Row[] {
  const own = {
    name: 'YourCompany',
    is_company: true,
    email: 'info@yourcompany.example.com',
    phone: '+1 555-555-5556',
    city: 'San Francisco',
  };
  const bot = { name: 'OdooBot', is_company: false, email: 'odoobot@example.com', phone: null };
  const people = users.map((u) => ({ ...u, is_company: false, id: u.partnerId }));
  return [
    { ...own, id: COMPANY_PARTNER_ID },
    { ...bot, id: ODOOBOT_PARTNER_ID, city: null },
    ...people,
  ].map((p) => ({
    id: p.id,
    name: p.name,
    complete_name: p.name,
    lang: 'en_US',
    active: true,
    employee: !p.is_company,
    type: 'contact',
    city: p.city,
    country_id: 233,
    email: p.email,
    phone: p.phone,
    is_company: p.is_company,
    company_id: p.id === COMPANY_PARTNER_ID ? COMPANY_ID : null,
    partner_share: false,
    commercial_partner_id: p.id,
    commercial_company_name: p.is_company ? p.name : null,
    email_normalized: p.email,
    message_bounce: 0,
    ...magic(INSTALL_MS, INSTALL_MS),
  }));
}

export interface LeadPartner {
  companyId: number | null; // res_partner id of the customer company; null: free-text lead
  contactId: number | null; // res_partner id of plan.contact, when it is an Odoo contact
}

function leadContact(plan: Plan) {
  const { company: c, contact, missing } = plan;
  const email = missing.email ? null : (contact?.email ?? `info@${c.domain}`);
  const phone = missing.phone ? null : (contact?.phone ?? c.phone);
  return {
    contact_name: contact?.name ?? null,
    partner_name: c.name,
    function: contact?.title ?? null,
    email_from: email,
    email_normalized: email?.toLowerCase() ?? null,
    email_domain_criterion: emailDomain(email),
    email_state: email ? 'correct' : null,
    phone,
    phone_sanitized: phone ? e164(phone) : null,
    phone_state: phone ? 'correct' : null,
    website: missing.website ? null : `https://www.${c.domain}`,
    ...addressOf(c),
    street: missing.street ? null : streetOf(c),
    zip: missing.street ? null : c.city.postal,
  };
}

function leadStage(plan: Plan, id: number) {
  const stage = STAGES[plan.stage];
  const won = stage.is_won;
  const closedMs = won || plan.lost ? plan.writeMs : null;
  const probability = plan.lost ? 0 : won ? 100 : plan.probability;
  const days = (ms: number) => Math.round(((ms - plan.createdMs) / DAY_MS) * 100) / 100;
  return {
    active: !plan.lost, // Odoo archives a lost lead
    type: plan.type,
    stage_id: stage.id,
    probability,
    automated_probability: Math.min(100, Math.max(0, probability + ((id * 7) % 11) - 5)),
    prorated_revenue: Math.round(plan.revenue * probability) / 100,
    date_closed: closedMs === null ? null : odooTimestamp(closedMs),
    date_open: plan.type === 'opportunity' ? odooTimestamp(plan.createdMs) : null,
    day_open: plan.type === 'opportunity' ? 0 : null,
    day_close: closedMs === null ? null : days(closedMs),
    date_last_stage_update: odooTimestamp(plan.writeMs),
    lost_reason_id: plan.lost ? plan.lostReasonId : null,
    won_status: won ? 'won' : plan.lost ? 'lost' : 'pending',
  };
}

export function leadRow(plan: Plan, id: number, partner: LeadPartner): Row {
  const { company: c } = plan;
  const description = problemText(plan, plan.sentences, c.base);
  return {
    id,
    message_bounce: 0,
    campaign_id: plan.campaignId,
    source_id: plan.sourceId,
    medium_id: plan.mediumId,
    name: plan.odooName,
    user_id: plan.user.userId,
    team_id: plan.user.teamId,
    company_id: COMPANY_ID,
    description: `<p>${description.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
    priority: plan.priority,
    color: 0,
    expected_revenue: plan.revenue,
    recurring_revenue: 0,
    recurring_revenue_monthly: 0,
    recurring_revenue_monthly_prorated: 0,
    recurring_revenue_prorated: 0,
    date_deadline: isoDate(plan.deadlineMs),
    partner_id: plan.partnerIsPerson ? (partner.contactId ?? partner.companyId) : partner.companyId,
    ...leadContact(plan),
    ...leadStage(plan, id),
    ...magic(plan.createdMs, plan.writeMs, plan.user.userId),
  };
}
