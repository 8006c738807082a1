import { normalizeCompanyName } from './company-name';
import { companyDomain } from './web-domain';

/** The raw.apn_opportunity columns the CORE mapping reads. */
export interface RawApnOpportunity {
  id: string;
  partner_opportunity_identifier: string | null;
  opportunity_type: string | null;
  /** AWS Referral | Partner Referral (null where the source did not say). */
  origin: string | null;
  national_security: string | null;
  customer_company_name: string | null;
  customer_website_url: string | null;
  customer_aws_account_id: string | null;
  customer_industry: string | null;
  customer_country_code: string | null;
  customer_state_or_region: string | null;
  customer_city: string | null;
  customer_postal_code: string | null;
  customer_street_address: string | null;
  customer_duns: string | null;
  customer_contacts: unknown;
  project_title: string | null;
  project_customer_business_problem: string | null;
  project_customer_use_case: string | null;
  project_expected_customer_spend: unknown;
  project_delivery_models: string[] | null;
  project_expected_contract_duration_term: string | null;
  project_expected_contract_duration_value: string | null;
  lifecycle_stage: string | null;
  lifecycle_review_status: string | null;
  lifecycle_target_close_date: string | null;
  opportunity_team: unknown;
  last_modified_date: string | null;
  deleted_at: string | null;
  source_hash: string;
}

/** Columns of core.ace_opportunities. */
export interface CoreAceOpportunityRow {
  ace_id: string;
  title: string | null;
  customer_company_name: string | null;
  customer_website: string | null;
  customer_domain: string | null;
  customer_name_normalized: string | null;
  industry: string | null;
  country_code: string | null;
  state_or_region: string | null;
  city: string | null;
  postal_code: string | null;
  street: string | null;
  duns: string | null;
  /** Customer.Contacts, in order: names (first and last), e-mails and phones given. */
  contact_names: string[];
  contact_emails: string[];
  contact_phones: string[];
  aws_account_id: string | null;
  stage: string | null;
  review_status: string | null;
  expected_monthly_spend: string | null;
  spend_currency: string | null;
  /** ExpectedContractDuration in months; null when the partner gave none. */
  expected_contract_months: number | null;
  /** Monthly spend over the contract (12 months when no duration is given). */
  expected_total_spend: string | null;
  delivery_models: string[];
  target_close_date: string | null;
  use_case: string | null;
  business_problem: string | null;
  partner_opportunity_identifier: string | null;
  opportunity_type: string | null;
  /** AWS Referral | Partner Referral (null where the source did not say). */
  origin: string | null;
  owner_name: string | null;
  owner_email: string | null;
  is_national_security: boolean;
  source_last_modified: string | null;
  source_hash: string;
  deleted_at: string | null;
}

interface Spend {
  Amount?: string | null;
  CurrencyCode?: string | null;
  Frequency?: string | null;
}

interface TeamMember {
  FirstName?: string | null;
  LastName?: string | null;
  Email?: string | null;
  BusinessTitle?: string | null;
}

/** The customer's contacts: each one's full name, and the e-mails and phones given. */
export function customerContacts(contacts: unknown): {
  names: string[];
  emails: string[];
  phones: string[];
} {
  const people = (Array.isArray(contacts) ? contacts : []) as (TeamMember & { Phone?: string | null })[]; // prettier-ignore
  const given = (values: (string | null | undefined)[]) =>
    values.map((v) => v?.trim()).filter((v): v is string => !!v);
  return {
    names: given(people.map((p) => [p.FirstName, p.LastName].filter(Boolean).join(' '))),
    emails: given(people.map((p) => p.Email)),
    phones: given(people.map((p) => p.Phone)),
  };
}

/** Sums the monthly spend lines in the first line's currency (ACE allows up to ten). */
export function monthlySpend(spend: unknown): { amount: string | null; currency: string | null } {
  const lines = (Array.isArray(spend) ? spend : []) as Spend[];
  const currency = lines.find((l) => l.CurrencyCode)?.CurrencyCode ?? null;
  const amounts = lines
    .filter((l) => l.CurrencyCode === currency && (l.Frequency ?? 'Monthly') === 'Monthly')
    .map((l) => l.Amount)
    .filter((a): a is string => typeof a === 'string' && a !== '');
  if (amounts.length === 0) return { amount: null, currency };
  // Money strings have at most two decimals: add in cents to stay exact.
  const cents = amounts.reduce((sum, a) => sum + Math.round(Number(a) * 100), 0);
  return { amount: (cents / 100).toFixed(2), currency };
}

/** Months a total is computed over when the opportunity states no contract duration. */
export const DEFAULT_CONTRACT_MONTHS = 12;

/** ExpectedContractDuration as months: `Term` is only ever `Months`, `Value` 1–144. */
export function contractMonths(term: string | null, value: string | null): number | null {
  const months = Number(value);
  return term === 'Months' && Number.isInteger(months) && months >= 1 && months <= 144
    ? months
    : null;
}

/** `monthly` × `months`, exactly (money strings have at most two decimals). */
export function totalSpend(monthly: string | null, months: number): string | null {
  if (monthly === null) return null;
  return ((Math.round(Number(monthly) * 100) * months) / 100).toFixed(2);
}

/** The partner-side owner: the team member titled OpportunityOwner, else the first. */
export function opportunityOwner(team: unknown): { name: string | null; email: string | null } {
  const members = (Array.isArray(team) ? team : []) as TeamMember[];
  const owner = members.find((m) => m.BusinessTitle === 'OpportunityOwner') ?? members[0];
  if (!owner) return { name: null, email: null };
  const name = [owner.FirstName, owner.LastName].filter(Boolean).join(' ').trim();
  return { name: name || null, email: owner.Email ?? null };
}

export function toCoreAceOpportunity(raw: RawApnOpportunity): CoreAceOpportunityRow {
  const spend = monthlySpend(raw.project_expected_customer_spend);
  const owner = opportunityOwner(raw.opportunity_team);
  const contacts = customerContacts(raw.customer_contacts);
  const months = contractMonths(
    raw.project_expected_contract_duration_term,
    raw.project_expected_contract_duration_value,
  );
  return {
    ace_id: raw.id,
    title: raw.project_title,
    customer_company_name: raw.customer_company_name,
    customer_website: raw.customer_website_url,
    customer_domain: companyDomain([raw.customer_website_url]),
    customer_name_normalized: normalizeCompanyName(raw.customer_company_name),
    industry: raw.customer_industry,
    country_code: raw.customer_country_code,
    state_or_region: raw.customer_state_or_region,
    city: raw.customer_city,
    postal_code: raw.customer_postal_code,
    street: raw.customer_street_address,
    duns: raw.customer_duns,
    contact_names: contacts.names,
    contact_emails: contacts.emails,
    contact_phones: contacts.phones,
    aws_account_id: raw.customer_aws_account_id,
    stage: raw.lifecycle_stage,
    review_status: raw.lifecycle_review_status,
    expected_monthly_spend: spend.amount,
    spend_currency: spend.currency,
    expected_contract_months: months,
    expected_total_spend: totalSpend(spend.amount, months ?? DEFAULT_CONTRACT_MONTHS),
    delivery_models: raw.project_delivery_models ?? [],
    target_close_date: raw.lifecycle_target_close_date,
    use_case: raw.project_customer_use_case,
    business_problem: raw.project_customer_business_problem,
    partner_opportunity_identifier: raw.partner_opportunity_identifier,
    opportunity_type: raw.opportunity_type,
    origin: raw.origin,
    owner_name: owner.name,
    owner_email: owner.email,
    is_national_security: raw.national_security === 'Yes',
    source_last_modified: raw.last_modified_date,
    source_hash: raw.source_hash,
    deleted_at: raw.deleted_at,
  };
}
