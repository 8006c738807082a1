import { FREE_MAIL } from '@revops/transformation/mapping/web-domain';
import { ISO_COUNTRY_CODES, ISO_CURRENCY_CODES } from './iso-codes';
import { ValidationRule } from './validation-rule';

const EMAIL = '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$';
/** A host name with a top-level domain, optionally a scheme, a port and a path. */
const URL = '^(https?://)?([a-z0-9-]+\\.)+[a-z]{2,}(:[0-9]+)?([/?#][^[:space:]]*)?$';
const TWELVE_DIGITS = '^[0-9]{12}$';
/** Odoo's own duplicate-lead criteria ignore a key this common: it is not a duplicate sign. */
const MAX_DUPLICATE_GROUP = 20;
const CLOSE_DATES = { earliest: '2000-01-01', yearsAhead: 10 };

/**
 * Every data-quality rule. An error holds the row back from search and matching until a
 * later run finds it clean; a warning is reported only.
 */
export const VALIDATION_RULES: readonly ValidationRule[] = [
  // ---- Odoo opportunities
  {
    id: 'odoo.required.name',
    entity: 'odoo-opportunities',
    severity: 'error',
    description: 'The opportunity has a name',
    check: { kind: 'required', columns: ['name'] },
  },
  {
    id: 'odoo.required.customer',
    entity: 'odoo-opportunities',
    severity: 'warning',
    description: 'The opportunity names a customer (partner, company or contact)',
    check: { kind: 'required', columns: ['customer_name', 'contact_name'] },
  },
  {
    id: 'odoo.reference.stage',
    entity: 'odoo-opportunities',
    severity: 'error',
    description: 'The stage the lead points to exists in Odoo',
    check: { kind: 'reference', column: 'stage_id', target: 'raw.odoo_crm_stage' },
  },
  {
    id: 'odoo.reference.partner',
    entity: 'odoo-opportunities',
    severity: 'warning',
    description: 'The customer (partner) the lead points to exists in Odoo',
    check: { kind: 'reference', column: 'partner_id', target: 'raw.odoo_res_partner' },
  },
  {
    id: 'odoo.reference.user',
    entity: 'odoo-opportunities',
    severity: 'warning',
    description: 'The salesperson (user) the lead points to exists in Odoo',
    check: { kind: 'reference', column: 'user_id', target: 'raw.odoo_res_users' },
  },
  {
    id: 'odoo.reference.country',
    entity: 'odoo-opportunities',
    severity: 'warning',
    description: 'The country the lead points to exists in Odoo',
    check: { kind: 'reference', column: 'country_id', target: 'raw.odoo_res_country' },
  },
  {
    id: 'odoo.format.email',
    entity: 'odoo-opportunities',
    severity: 'warning',
    description: 'The e-mail address looks like name@domain.tld',
    check: { kind: 'format', column: 'email', pattern: EMAIL },
  },
  {
    id: 'odoo.format.website',
    entity: 'odoo-opportunities',
    severity: 'warning',
    description: 'The website is a URL with a host name',
    check: { kind: 'format', column: 'website', pattern: URL },
  },
  {
    id: 'odoo.format.country',
    entity: 'odoo-opportunities',
    severity: 'error',
    description: 'The country code is ISO 3166-1 alpha-2',
    check: { kind: 'member', column: 'country_code', values: ISO_COUNTRY_CODES },
  },
  {
    id: 'odoo.format.currency',
    entity: 'odoo-opportunities',
    severity: 'warning',
    description: 'The currency code is ISO 4217',
    check: { kind: 'member', column: 'currency_code', values: ISO_CURRENCY_CODES },
  },
  {
    id: 'odoo.range.probability',
    entity: 'odoo-opportunities',
    severity: 'error',
    description: 'The probability is between 0 and 100',
    check: { kind: 'range', column: 'probability', min: 0, max: 100 },
  },
  {
    id: 'odoo.range.expected-revenue',
    entity: 'odoo-opportunities',
    severity: 'error',
    description: 'The expected revenue is not negative',
    check: { kind: 'range', column: 'expected_revenue', min: 0 },
  },
  {
    id: 'odoo.range.close-date',
    entity: 'odoo-opportunities',
    severity: 'warning',
    description: `The expected closing date is after ${CLOSE_DATES.earliest} and within ${CLOSE_DATES.yearsAhead} years`,
    check: { kind: 'date-window', column: 'date_deadline', ...CLOSE_DATES },
  },
  {
    id: 'odoo.duplicate.email-domain',
    entity: 'odoo-opportunities',
    severity: 'warning',
    description: `Opportunities sharing an e-mail domain (webmail left out; groups over ${MAX_DUPLICATE_GROUP} ignored)`,
    check: {
      kind: 'duplicate',
      key: { emailDomainOf: 'email', ignore: [...FREE_MAIL] },
      maxGroup: MAX_DUPLICATE_GROUP,
    },
  },
  {
    id: 'odoo.duplicate.phone',
    entity: 'odoo-opportunities',
    severity: 'warning',
    description: `Opportunities sharing a phone number (groups over ${MAX_DUPLICATE_GROUP} ignored)`,
    check: { kind: 'duplicate', key: { phoneDigitsOf: 'phone' }, maxGroup: MAX_DUPLICATE_GROUP },
  },
  {
    id: 'odoo.duplicate.commercial-partner',
    entity: 'odoo-opportunities',
    severity: 'warning',
    description: `Opportunities of the same commercial partner (groups over ${MAX_DUPLICATE_GROUP} ignored)`,
    check: {
      kind: 'duplicate',
      key: { column: 'customer_partner_id' },
      maxGroup: MAX_DUPLICATE_GROUP,
    },
  },

  // ---- ACE opportunities
  {
    id: 'ace.required.title',
    entity: 'ace-opportunities',
    severity: 'error',
    description: 'The opportunity has a project title',
    check: { kind: 'required', columns: ['title'] },
  },
  {
    id: 'ace.required.customer',
    entity: 'ace-opportunities',
    severity: 'warning',
    description:
      'The opportunity names its customer company (unless redacted for national security)',
    check: {
      kind: 'required',
      columns: ['customer_company_name'],
      unless: 'is_national_security',
    },
  },
  {
    id: 'ace.format.aws-account-id',
    entity: 'ace-opportunities',
    severity: 'error',
    description: 'The customer AWS account id is 12 digits',
    check: { kind: 'format', column: 'aws_account_id', pattern: TWELVE_DIGITS },
  },
  {
    id: 'ace.format.country',
    entity: 'ace-opportunities',
    severity: 'error',
    description: 'The country code is ISO 3166-1 alpha-2',
    check: { kind: 'member', column: 'country_code', values: ISO_COUNTRY_CODES },
  },
  {
    id: 'ace.format.currency',
    entity: 'ace-opportunities',
    severity: 'warning',
    description: 'The spend currency is ISO 4217',
    check: { kind: 'member', column: 'spend_currency', values: ISO_CURRENCY_CODES },
  },
  {
    id: 'ace.format.website',
    entity: 'ace-opportunities',
    severity: 'warning',
    description: 'The customer website is a URL with a host name',
    check: { kind: 'format', column: 'customer_website', pattern: URL },
  },
  {
    id: 'ace.format.owner-email',
    entity: 'ace-opportunities',
    severity: 'warning',
    description: "The opportunity owner's e-mail address looks like name@domain.tld",
    check: { kind: 'format', column: 'owner_email', pattern: EMAIL },
  },
  {
    id: 'ace.range.monthly-spend',
    entity: 'ace-opportunities',
    severity: 'error',
    description: 'The expected monthly spend is not negative',
    check: { kind: 'range', column: 'expected_monthly_spend', min: 0 },
  },
  {
    id: 'ace.range.close-date',
    entity: 'ace-opportunities',
    severity: 'warning',
    description: `The target close date is after ${CLOSE_DATES.earliest} and within ${CLOSE_DATES.yearsAhead} years`,
    check: { kind: 'date-window', column: 'target_close_date', ...CLOSE_DATES },
  },
  {
    id: 'ace.duplicate.partner-reference',
    entity: 'ace-opportunities',
    severity: 'warning',
    description: `Opportunities carrying the same partner opportunity identifier (groups over ${MAX_DUPLICATE_GROUP} ignored)`,
    check: {
      kind: 'duplicate',
      key: { column: 'partner_opportunity_identifier' },
      maxGroup: MAX_DUPLICATE_GROUP,
    },
  },
  {
    id: 'ace.consistency.aws-account-company',
    entity: 'ace-opportunities',
    severity: 'warning',
    description: 'One AWS account id is given for two different companies',
    check: {
      kind: 'conflict',
      key: 'aws_account_id',
      table: 'core.aws_accounts',
      companies: 'distinct_companies',
    },
  },
];
