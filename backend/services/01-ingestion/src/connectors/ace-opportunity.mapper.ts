/**
 * The core columns of raw.apn_opportunity from a `GetOpportunity` response: Customer,
 * Project and LifeCycle fields named here, other top-level parts passed on under their
 * own names. `apnRowsFromOpportunity` (apn-rows.ts) builds on it to fill every column and
 * the child tables; use that, not this, to load data.
 */
type Json = Record<string, unknown>;

const MAPPED_TOP_LEVEL = new Set([
  'Id',
  'Catalog',
  'Arn',
  'PartnerOpportunityIdentifier',
  'OpportunityType',
  'Origin',
  'NationalSecurity',
  'PrimaryNeedsFromAws',
  'Customer',
  'Project',
  'LifeCycle',
  'OpportunityTeam',
  'CreatedDate',
  'LastModifiedDate',
]);

function child(parent: unknown, key: string): Json {
  const value = parent && typeof parent === 'object' ? (parent as Json)[key] : undefined;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

export function flattenGetOpportunity(response: Json): Json {
  const account = child(response.Customer, 'Account');
  const address = child(account, 'Address');
  const project = child(response, 'Project');
  const lifeCycle = child(response, 'LifeCycle');
  const unmapped = Object.fromEntries(
    Object.entries(response).filter(([key]) => !MAPPED_TOP_LEVEL.has(key)),
  );
  return {
    ...unmapped,
    id: response.Id,
    catalog: response.Catalog,
    arn: response.Arn,
    partner_opportunity_identifier: response.PartnerOpportunityIdentifier,
    opportunity_type: response.OpportunityType,
    // Not in GetOpportunity itself (GetAwsOpportunitySummary has it); files and the
    // partner's own APN database may carry it.
    origin: response.Origin,
    national_security: response.NationalSecurity,
    primary_needs_from_aws: response.PrimaryNeedsFromAws,
    customer_company_name: account.CompanyName,
    customer_website_url: account.WebsiteUrl,
    customer_aws_account_id: account.AwsAccountId,
    customer_industry: account.Industry,
    customer_other_industry: account.OtherIndustry,
    customer_duns: account.Duns,
    customer_country_code: address.CountryCode,
    customer_state_or_region: address.StateOrRegion,
    customer_city: address.City,
    customer_postal_code: address.PostalCode,
    customer_street_address: address.StreetAddress,
    customer_contacts: child(response, 'Customer').Contacts,
    project_title: project.Title,
    project_customer_business_problem: project.CustomerBusinessProblem,
    project_customer_use_case: project.CustomerUseCase,
    project_delivery_models: project.DeliveryModels,
    project_expected_customer_spend: project.ExpectedCustomerSpend,
    project_sales_activities: project.SalesActivities,
    project_competitor_name: project.CompetitorName,
    project_additional_comments: project.AdditionalComments,
    lifecycle_stage: lifeCycle.Stage,
    lifecycle_review_status: lifeCycle.ReviewStatus,
    lifecycle_target_close_date: lifeCycle.TargetCloseDate,
    lifecycle_closed_lost_reason: lifeCycle.ClosedLostReason,
    lifecycle_next_steps: lifeCycle.NextSteps,
    opportunity_team: response.OpportunityTeam,
    created_date: response.CreatedDate,
    last_modified_date: response.LastModifiedDate,
  };
}
