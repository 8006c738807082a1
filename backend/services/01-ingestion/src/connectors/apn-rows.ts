import { compareInstants } from './in-memory-pages';
import { flattenGetOpportunity } from './ace-opportunity.mapper';

type Json = Record<string, unknown>;
export type ApnRow = Record<string, unknown>;

export const APN_TABLES = [
  'apn_opportunity',
  'apn_aws_account',
  'apn_customer_contact',
  'apn_opportunity_team_member',
  'apn_opportunity_related_entity',
  'apn_solution',
] as const;
export type ApnTable = (typeof APN_TABLES)[number];
export type ApnRows = Record<ApnTable, ApnRow[]>;

/** raw.apn_opportunity columns → GetOpportunity paths (the discovery schema's `apiPath`). */
const OPPORTUNITY_PATHS: Record<string, string> = {
  id: 'Id',
  catalog: 'Catalog',
  arn: 'Arn',
  partner_opportunity_identifier: 'PartnerOpportunityIdentifier',
  opportunity_type: 'OpportunityType',
  origin: 'Origin',
  national_security: 'NationalSecurity',
  primary_needs_from_aws: 'PrimaryNeedsFromAws',
  customer_company_name: 'Customer.Account.CompanyName',
  customer_website_url: 'Customer.Account.WebsiteUrl',
  customer_aws_account_id: 'Customer.Account.AwsAccountId',
  customer_industry: 'Customer.Account.Industry',
  customer_other_industry: 'Customer.Account.OtherIndustry',
  customer_duns: 'Customer.Account.Duns',
  customer_country_code: 'Customer.Account.Address.CountryCode',
  customer_state_or_region: 'Customer.Account.Address.StateOrRegion',
  customer_city: 'Customer.Account.Address.City',
  customer_postal_code: 'Customer.Account.Address.PostalCode',
  customer_street_address: 'Customer.Account.Address.StreetAddress',
  customer_contacts: 'Customer.Contacts',
  project_title: 'Project.Title',
  project_customer_business_problem: 'Project.CustomerBusinessProblem',
  project_customer_use_case: 'Project.CustomerUseCase',
  project_delivery_models: 'Project.DeliveryModels',
  project_expected_customer_spend: 'Project.ExpectedCustomerSpend',
  project_expected_contract_duration_term: 'Project.ExpectedContractDuration.Term',
  project_expected_contract_duration_value: 'Project.ExpectedContractDuration.Value',
  project_apn_programs: 'Project.ApnPrograms',
  project_related_opportunity_identifier: 'Project.RelatedOpportunityIdentifier',
  project_sales_activities: 'Project.SalesActivities',
  project_competitor_name: 'Project.CompetitorName',
  project_other_competitor_names: 'Project.OtherCompetitorNames',
  project_other_solution_description: 'Project.OtherSolutionDescription',
  project_additional_comments: 'Project.AdditionalComments',
  project_aws_partition: 'Project.AwsPartition',
  marketing_campaign_name: 'Marketing.CampaignName',
  marketing_source: 'Marketing.Source',
  marketing_use_cases: 'Marketing.UseCases',
  marketing_channels: 'Marketing.Channels',
  marketing_aws_funding_used: 'Marketing.AwsFundingUsed',
  software_revenue_delivery_model: 'SoftwareRevenue.DeliveryModel',
  software_revenue_amount: 'SoftwareRevenue.Value.Amount',
  software_revenue_currency_code: 'SoftwareRevenue.Value.CurrencyCode',
  software_revenue_effective_date: 'SoftwareRevenue.EffectiveDate',
  software_revenue_expiration_date: 'SoftwareRevenue.ExpirationDate',
  lifecycle_stage: 'LifeCycle.Stage',
  lifecycle_review_status: 'LifeCycle.ReviewStatus',
  lifecycle_review_comments: 'LifeCycle.ReviewComments',
  lifecycle_review_status_reason: 'LifeCycle.ReviewStatusReason',
  lifecycle_target_close_date: 'LifeCycle.TargetCloseDate',
  lifecycle_closed_lost_reason: 'LifeCycle.ClosedLostReason',
  lifecycle_next_steps: 'LifeCycle.NextSteps',
  lifecycle_next_steps_history: 'LifeCycle.NextStepsHistory',
  opportunity_team: 'OpportunityTeam',
  created_date: 'CreatedDate',
  last_modified_date: 'LastModifiedDate',
};

/** Customer.Contacts[] and OpportunityTeam[] share the structure `Contact`. */
const CONTACT_FIELDS: Record<string, string> = {
  email: 'Email',
  first_name: 'FirstName',
  last_name: 'LastName',
  business_title: 'BusinessTitle',
  phone: 'Phone',
};

export const RELATED_ENTITY_TYPES = [
  'Solutions',
  'AwsProducts',
  'AwsMarketplaceOffers',
  'AwsMarketplaceOfferSets',
] as const;

const AWS_ACCOUNT_ID = /^[0-9]{12}$/;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * Removes `path` from `root`: a null parent counts as consumed (its fields are null
 * columns), emptied parents go too. Anything unexpected (a string where an object should
 * be) stays, so it still reaches `_extra`.
 */
function consume(root: Json, path: string[]): void {
  const [head, ...rest] = path;
  if (!(head in root)) return;
  const value = root[head];
  if (rest.length === 0 || value === null || value === undefined) {
    delete root[head];
    return;
  }
  if (!isObject(value)) return;
  consume(value, rest);
  if (Object.keys(value).length === 0) delete root[head];
}

/** Dates as the API's JSON writes them, and no SDK `$metadata`: SDK output → wire shape. */
export function toApiJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('.000Z', 'Z');
  if (Array.isArray(value)) return value.map(toApiJson);
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== '$metadata')
        .map(([key, item]) => [key, toApiJson(item)]),
    );
  }
  return value;
}

/**
 * One raw.apn_opportunity row: the discovery columns, plus the parts of the response no
 * RAW table holds under their own top-level names (they land in `_extra`).
 */
export function opportunityRow(response: Json): ApnRow {
  const flat = flattenGetOpportunity(response);
  const row: ApnRow = {};
  for (const [column, path] of Object.entries(OPPORTUNITY_PATHS)) {
    row[column] = column in flat ? flat[column] : valueAt(response, path);
  }
  const rest = structuredClone(response);
  for (const path of Object.values(OPPORTUNITY_PATHS)) consume(rest, path.split('.'));
  // Loaded into apn_opportunity_related_entity; a type RAW does not know stays (drift).
  for (const type of RELATED_ENTITY_TYPES) consume(rest, ['RelatedEntityIdentifiers', type]);
  return { ...rest, ...row };
}

function contactRows(opportunityId: string, lastModified: unknown, contacts: unknown): ApnRow[] {
  if (!Array.isArray(contacts)) return [];
  return contacts.map((contact: unknown, position) => {
    const row: ApnRow = { opportunity_id: opportunityId, position };
    if (!isObject(contact)) return { ...row, Contact: contact, last_modified_date: lastModified };
    const rest = { ...contact };
    for (const [column, field] of Object.entries(CONTACT_FIELDS)) {
      row[column] = contact[field];
      delete rest[field];
    }
    return { ...rest, ...row, last_modified_date: lastModified };
  });
}

function relatedEntityRows(id: string, lastModified: unknown, related: unknown): ApnRow[] {
  const rows: ApnRow[] = [];
  for (const type of RELATED_ENTITY_TYPES) {
    const ids = isObject(related) ? related[type] : undefined;
    if (!Array.isArray(ids)) continue;
    // A repeated id would be the same RAW row twice in one batch.
    for (const entityId of new Set(ids)) {
      rows.push({
        opportunity_id: id,
        entity_type: type,
        entity_id: entityId,
        last_modified_date: lastModified,
      });
    }
  }
  return rows;
}

/** The account as this one opportunity names it; mergeAwsAccountRows() combines them. */
function awsAccountRow(response: Json): ApnRow | undefined {
  const accountId = valueAt(response, 'Customer.Account.AwsAccountId');
  if (typeof accountId !== 'string' || !AWS_ACCOUNT_ID.test(accountId)) return undefined;
  return {
    aws_account_id: accountId,
    company_name: valueAt(response, 'Customer.Account.CompanyName'),
    website_url: valueAt(response, 'Customer.Account.WebsiteUrl'),
    country_code: valueAt(response, 'Customer.Account.Address.CountryCode'),
    first_opportunity_id: response.Id,
    created_date: response.CreatedDate,
    last_modified_date: response.LastModifiedDate,
  };
}

/**
 * The rows of every APN table one GetOpportunity response holds. Child rows carry the
 * opportunity's LastModifiedDate, so one cursor moves an opportunity with its children. An
 * opportunity without an Id still gives its own row (quarantined), but no children.
 */
export function apnRowsFromOpportunity(response: Json): ApnRows {
  const rows: ApnRows = {
    apn_opportunity: [opportunityRow(response)],
    apn_aws_account: [],
    apn_customer_contact: [],
    apn_opportunity_team_member: [],
    apn_opportunity_related_entity: [],
    apn_solution: [],
  };
  const id = response.Id;
  if (typeof id !== 'string' || id === '') return rows;
  const modified = response.LastModifiedDate;
  const account = awsAccountRow(response);
  if (account) rows.apn_aws_account.push(account);
  rows.apn_customer_contact = contactRows(id, modified, valueAt(response, 'Customer.Contacts'));
  rows.apn_opportunity_team_member = contactRows(id, modified, response.OpportunityTeam);
  rows.apn_opportunity_related_entity = relatedEntityRows(
    id,
    modified,
    response.RelatedEntityIdentifiers,
  );
  return rows;
}

/**
 * The rows of a set of opportunities: the latest version of each Id (exports overlap),
 * and one account row per AWS account, named by several opportunities.
 */
export function apnRowsFromOpportunities(responses: Json[]): ApnRows {
  const latest = new Map<string, Json>();
  const anonymous: Json[] = [];
  for (const response of responses) {
    const id = response.Id;
    if (typeof id !== 'string' || id === '') {
      anonymous.push(response);
      continue;
    }
    const known = latest.get(id);
    if (!known || compareInstants(known.LastModifiedDate, response.LastModifiedDate) <= 0) {
      latest.set(id, response);
    }
  }
  const all: ApnRows = {
    apn_opportunity: [],
    apn_aws_account: [],
    apn_customer_contact: [],
    apn_opportunity_team_member: [],
    apn_opportunity_related_entity: [],
    apn_solution: [],
  };
  for (const response of [...latest.values(), ...anonymous]) {
    const rows = apnRowsFromOpportunity(response);
    for (const table of APN_TABLES) all[table].push(...rows[table]);
  }
  all.apn_aws_account = mergeAwsAccountRows(all.apn_aws_account);
  return all;
}

/**
 * One row per account: company, website and country as the first opportunity (by
 * CreatedDate, then Id) gave them, created when first named, modified when any opportunity
 * naming it last was.
 */
export function mergeAwsAccountRows(rows: ApnRow[]): ApnRow[] {
  const byAccount = new Map<unknown, ApnRow>();
  for (const row of rows) {
    const known = byAccount.get(row.aws_account_id);
    if (!known) {
      byAccount.set(row.aws_account_id, row);
      continue;
    }
    const earlier =
      compareInstants(row.created_date, known.created_date, Infinity) ||
      (String(row.first_opportunity_id) < String(known.first_opportunity_id) ? -1 : 1);
    const first = earlier < 0 ? row : known;
    const later = compareInstants(row.last_modified_date, known.last_modified_date) > 0;
    byAccount.set(row.aws_account_id, {
      ...first,
      last_modified_date: later ? row.last_modified_date : known.last_modified_date,
    });
  }
  return [...byAccount.values()];
}

/** One raw.apn_solution row from a ListSolutions summary (SolutionBase). */
export function solutionRow(summary: Json): ApnRow {
  const { Id, Catalog, Arn, Name, Category, Status, CreatedDate, ...rest } = summary;
  return {
    ...rest,
    id: Id,
    catalog: Catalog,
    arn: Arn,
    name: Name,
    category: Category,
    status: Status,
    created_date: CreatedDate,
    // SolutionBase has no modification time: a solution counts as modified when created.
    last_modified_date: CreatedDate,
  };
}

export { isLegacyS3Document, legacyS3ToGetOpportunity } from './legacy-s3-document';
export { instantOf, pageOfSortedRows, sortRows } from './in-memory-pages';
