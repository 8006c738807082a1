import { Address, address } from '../comparison/address';
import { OrgName, orgName } from '../comparison/org-name';
import { PersonName, personName } from '../comparison/person-name';
import { toE164 } from '../comparison/phone';

/** One live CORE opportunity as matching reads it, either source (see toMatchRecord). */
export interface MatchRecord {
  source: 'odoo' | 'ace';
  id: string;
  /** The customer's name as the source typed it (shown in explanations). */
  customer: string | null;
  name: OrgName | null;
  domain: string | null;
  country: string | null;
  address: Address | null;
  /** E.164. */
  phones: string[];
  /** Lower case. */
  emails: string[];
  contacts: PersonName[];
  duns: string | null;
  /** ACE: its AWS account; Odoo: the accounts its CORE company is known to own. */
  awsAccounts: string[];
  /** 02-transformation's company (core.companies), if any. */
  companyId: string | null;
  /** ACE only: PartnerOpportunityIdentifier, when it can be an Odoo lead id. */
  reference: string | null;
  /** YYYY-MM-DD: ACE target close date, Odoo deadline. */
  closeDate: string | null;
  /** Odoo: expected revenue (a total). ACE: expected monthly spend and contract months. */
  amount: { total: number } | { monthly: number; months: number | null } | null;
  /** Odoo: open | won | lost. ACE: its stage as ACE names it. */
  stage: string | null;
}

/** The columns MatchRecordsRepository reads from CORE, both sources in one shape. */
export interface MatchRecordRow {
  source: 'odoo' | 'ace';
  id: string;
  customer: string | null;
  domain: string | null;
  country: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  phones: (string | null)[] | null;
  emails: (string | null)[] | null;
  contacts: (string | null)[] | null;
  duns: string | null;
  awsAccounts: string[] | null;
  companyId: string | null;
  reference: string | null;
  closeDate: string | null;
  total: string | number | null;
  monthly: string | number | null;
  months: number | null;
  stage: string | null;
}

const present = <T>(values: (T | null)[] | null | undefined): T[] =>
  (values ?? []).filter((v): v is T => v !== null);
const unique = <T>(values: T[]): T[] => [...new Set(values)];
const positive = (value: string | number | null): number | null => {
  const n = value === null ? NaN : Number(value);
  return Number.isFinite(n) && n > 0 ? n : null;
};

/** Every field normalised once, so comparing two records never parses anything. */
export function toMatchRecord(row: MatchRecordRow): MatchRecord {
  const total = positive(row.total);
  const monthly = positive(row.monthly);
  const duns = row.duns?.replace(/\D/g, '') ?? '';
  return {
    source: row.source,
    id: row.id,
    customer: row.customer,
    name: orgName(row.customer),
    domain: row.domain,
    country: row.country?.toUpperCase() ?? null,
    address: address(row),
    phones: unique(present(row.phones).flatMap((p) => toE164(p, row.country) ?? [])),
    emails: unique(present(row.emails).map((e) => e.trim().toLowerCase()).filter((e) => e.includes('@'))), // prettier-ignore
    contacts: present(row.contacts).flatMap((c) => { const p = personName(c); return p ? [p] : []; }), // prettier-ignore
    duns: duns.length === 9 ? duns : null,
    awsAccounts: unique(row.awsAccounts ?? []),
    companyId: row.companyId,
    reference: row.reference && /^\d{1,9}$/.test(row.reference.trim()) ? String(Number(row.reference)) : null, // prettier-ignore
    closeDate: row.closeDate,
    amount: row.source === 'odoo' ? (total ? { total } : null) : monthly ? { monthly, months: row.months } : null, // prettier-ignore
    stage: row.stage,
  };
}
