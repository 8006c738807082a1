import { normalizeCompanyName } from './company-name';
import { htmlToText } from './html-to-text';
import { translatedName } from './translated-name';
import { companyDomain } from './web-domain';

/** One crm_lead row joined with the RAW rows it refers to (see TransformationRepository). */
export interface OdooLeadJoined {
  id: number;
  name: string;
  type: string | null;
  active: boolean | null;
  partner_id: number | null;
  partner_name: string | null;
  contact_name: string | null;
  email_from: string | null;
  phone: string | null;
  website: string | null;
  user_id: number | null;
  team_id: number | null;
  stage_id: number | null;
  street: string | null;
  zip: string | null;
  city: string | null;
  expected_revenue: string | null;
  probability: number | null;
  date_deadline: string | null;
  description: string | null;
  write_date: string | null;
  deleted_at: string | null;
  partner_display_name: string | null;
  partner_email: string | null;
  partner_phone: string | null;
  partner_website: string | null;
  partner_street: string | null;
  partner_zip: string | null;
  partner_city: string | null;
  commercial_name: string | null;
  commercial_partner_id: number | null;
  salesperson_name: string | null;
  salesperson_login: string | null;
  team_name: unknown;
  stage_name: unknown;
  stage_is_won: boolean | null;
  country_code: string | null;
  country_name: unknown;
  state_code: string | null;
  state_name: string | null;
  lost_reason_name: unknown;
  company_name: string | null;
  currency_code: string | null;
  /** Tag names (jsonb translations) in tag id order; null without tags. */
  tag_names: unknown[] | null;
  source_hash: string;
}

/** Columns of core.odoo_opportunities. */
export interface CoreOdooOpportunityRow {
  odoo_id: number;
  name: string;
  lead_type: string | null;
  active: boolean;
  customer_name: string | null;
  customer_partner_id: number | null;
  customer_domain: string | null;
  customer_name_normalized: string | null;
  contact_name: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  salesperson_user_id: number | null;
  salesperson_name: string | null;
  team_id: number | null;
  team_name: string | null;
  stage_id: number | null;
  stage_name: string | null;
  is_won: boolean;
  country_code: string | null;
  country_name: string | null;
  state_code: string | null;
  state_name: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  expected_revenue: string | null;
  currency_code: string | null;
  company_name: string | null;
  lost_reason: string | null;
  tags: string[];
  probability: number | null;
  date_deadline: string | null;
  description: string | null;
  source_write_date: string | null;
  source_hash: string;
  deleted_at: string | null;
}

/**
 * The customer is the partner's commercial company (a contact person belongs to one),
 * else the partner itself, else the free-text company typed on the lead.
 */
export function toCoreOdooOpportunity(lead: OdooLeadJoined): CoreOdooOpportunityRow {
  const customerName = lead.commercial_name ?? lead.partner_display_name ?? lead.partner_name;
  return {
    odoo_id: lead.id,
    name: lead.name,
    lead_type: lead.type,
    active: lead.active ?? true,
    customer_name: customerName,
    customer_partner_id: lead.commercial_partner_id ?? lead.partner_id,
    customer_domain: companyDomain(
      [lead.website, lead.partner_website],
      [lead.email_from, lead.partner_email],
    ),
    customer_name_normalized: normalizeCompanyName(customerName),
    contact_name: lead.contact_name,
    email: lead.email_from ?? lead.partner_email,
    phone: lead.phone ?? lead.partner_phone,
    website: lead.website ?? lead.partner_website,
    salesperson_user_id: lead.user_id,
    // A user's name lives on its partner; fall back to the login (usually an e-mail).
    salesperson_name: lead.salesperson_name ?? lead.salesperson_login,
    team_id: lead.team_id,
    team_name: translatedName(lead.team_name),
    stage_id: lead.stage_id,
    stage_name: translatedName(lead.stage_name),
    is_won: lead.stage_is_won ?? false,
    country_code: lead.country_code,
    country_name: translatedName(lead.country_name),
    state_code: lead.state_code,
    state_name: lead.state_name,
    street: lead.street ?? lead.partner_street,
    postal_code: lead.zip ?? lead.partner_zip,
    city: lead.city ?? lead.partner_city,
    expected_revenue: lead.expected_revenue,
    currency_code: lead.currency_code,
    company_name: lead.company_name,
    lost_reason: translatedName(lead.lost_reason_name),
    tags: (lead.tag_names ?? []).flatMap((name) => translatedName(name) ?? []),
    probability: lead.probability,
    date_deadline: lead.date_deadline,
    description: htmlToText(lead.description),
    source_write_date: lead.write_date,
    source_hash: lead.source_hash,
    deleted_at: lead.deleted_at,
  };
}
