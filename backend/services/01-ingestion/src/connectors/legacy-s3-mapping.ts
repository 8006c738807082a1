/**
 * The legacy ACE S3 "APN CRM JSON" (`{"version":"2.0","opportunities":[…]}`, flat camelCase
 * keys) in terms of the current Selling API. Generated once from
 * shared/fixtures/ace/MappingToS3Fields.csv (its rows, in its order; the CSV is not read at
 * build or run time), with each CSV path
 * moved to the GA GetOpportunity model as in shared/reference/source-schemas.md section C:
 * `AWSAccountId` → `AwsAccountId`, `Customer.Contact` → `Customer.Contacts[0]`,
 * `PartnerOpportunityContact` / `AccessControls.Owner` → `OpportunityTeam[]`, the swapped
 * contract dates put right (C.1), and so on. Regenerate by the same rules if the CSV changes.
 */

/**
 * How a legacy value becomes an API value:
 * - `text`: as sent (numbers as text);
 * - `list`: a multi-select picklist, `;`-separated (or already an array);
 * - `amount`: a money amount, as the API's decimal string;
 * - `name`: "First Last" into `<path>.FirstName` / `<path>.LastName`;
 * - `monthlySpend`: the MRR estimate into one `ExpectedCustomerSpend` entry;
 * - the rest: a picklist whose legacy spelling differs from the API enum (section C.1).
 */
export type LegacyConversion =
  | 'text'
  | 'list'
  | 'amount'
  | 'name'
  | 'monthlySpend'
  | 'countryCode'
  | 'industry'
  | 'closedLostReason'
  | 'reviewStatus'
  | 'marketingSource'
  | 'primaryNeeds'
  | 'nextStepsHistory';

/** `path` uses dots, array positions as numbers: `OpportunityTeam.1.Email`. */
export interface LegacyS3Field {
  path: string;
  as: LegacyConversion;
}

/** Team positions the legacy contacts take, and the BusinessTitle each gets by default. */
export const LEGACY_TEAM_TITLES = ['OpportunityOwner', 'PartnerAccountManager'] as const;

/**
 * Legacy key → GetOpportunity path. `null`: no GetOpportunity equivalent (AWS-side fields
 * of GetAwsOpportunitySummary, engagement-invitation fields, `#N/A` rows); such values are
 * kept under `LegacyS3Fields` so they reach `_extra` instead of being dropped.
 */
export const LEGACY_S3_FIELDS: Record<string, LegacyS3Field | null> = {
  primaryContactEmail: { path: 'OpportunityTeam.1.Email', as: 'text' },
  primaryContactFirstName: { path: 'OpportunityTeam.1.FirstName', as: 'text' },
  primaryContactLastName: { path: 'OpportunityTeam.1.LastName', as: 'text' },
  primaryContactPhone: { path: 'OpportunityTeam.1.Phone', as: 'text' },
  primaryContactTitle: { path: 'OpportunityTeam.1.BusinessTitle', as: 'text' },
  doesOppBelongToNatSec: { path: 'NationalSecurity', as: 'text' },
  opportunityOwnerEmail: { path: 'OpportunityTeam.0.Email', as: 'text' },
  opportunityOwnerName: { path: 'OpportunityTeam.0', as: 'name' },
  aWSAccountOwnerEmail: null,
  aWSAccountOwnerName: null,
  aWSSalesRepEmail: null,
  aWSSalesRepName: null,
  aWSISVSuccessManagerEmail: null,
  aWSISVSuccessManagerName: null,
  partnerDeveloperManagerEmail: null,
  partnerDeveloperManager: null,
  aWSPartnerSuccessManagerName: null,
  aWSPartnerSuccessManagerEmail: null,
  wWPSPDMEmail: null,
  wWPSPDM: null,
  aWSClosedLostReason: null,
  aWSStage: null,
  aWSCloseDate: null,
  createdDate: { path: 'CreatedDate', as: 'text' },
  city: { path: 'Customer.Account.Address.City', as: 'text' },
  country: { path: 'Customer.Account.Address.CountryCode', as: 'countryCode' },
  postalCode: { path: 'Customer.Account.Address.PostalCode', as: 'text' },
  state: { path: 'Customer.Account.Address.StateOrRegion', as: 'text' },
  streetAddress: { path: 'Customer.Account.Address.StreetAddress', as: 'text' },
  awsAccountId: { path: 'Customer.Account.AwsAccountId', as: 'text' },
  customerCompanyName: { path: 'Customer.Account.CompanyName', as: 'text' },
  customerDuns: { path: 'Customer.Account.Duns', as: 'text' },
  industry: { path: 'Customer.Account.Industry', as: 'industry' },
  industryOther: { path: 'Customer.Account.OtherIndustry', as: 'text' },
  customerWebsite: { path: 'Customer.Account.WebsiteUrl', as: 'text' },
  customerEmail: { path: 'Customer.Contacts.0.Email', as: 'text' },
  customerFirstName: { path: 'Customer.Contacts.0.FirstName', as: 'text' },
  customerLastName: { path: 'Customer.Contacts.0.LastName', as: 'text' },
  customerPhone: { path: 'Customer.Contacts.0.Phone', as: 'text' },
  customerTitle: { path: 'Customer.Contacts.0.BusinessTitle', as: 'text' },
  apnCrmUniqueIdentifier: { path: 'Id', as: 'text' },
  lastModifiedDate: { path: 'LastModifiedDate', as: 'text' },
  status: { path: 'LifeCycle.ReviewStatus', as: 'reviewStatus' },
  closedLostReason: { path: 'LifeCycle.ClosedLostReason', as: 'closedLostReason' },
  recommendedNextBestActions: null,
  nextStep: { path: 'LifeCycle.NextSteps', as: 'text' },
  nextStepHistory: { path: 'LifeCycle.NextStepsHistory', as: 'nextStepsHistory' },
  engagementScore: null,
  apnReviewerComments: { path: 'LifeCycle.ReviewComments', as: 'text' },
  stage: { path: 'LifeCycle.Stage', as: 'text' },
  targetCloseDate: { path: 'LifeCycle.TargetCloseDate', as: 'text' },
  isMarketingDevelopmentFunded: { path: 'Marketing.AwsFundingUsed', as: 'text' },
  awsSFCampaignName: { path: 'Marketing.CampaignName', as: 'text' },
  marketingActivityChannel: { path: 'Marketing.Channels', as: 'list' },
  IsOppFromMarketingActivity: { path: 'Marketing.Source', as: 'marketingSource' },
  marketingActivityUsecase: { path: 'Marketing.UseCases', as: 'list' },
  opportunityType: { path: 'OpportunityType', as: 'text' },
  opportunityOwnership: { path: 'Origin', as: 'text' },
  acceptBy: null,
  partnerAcceptanceStatus: null,
  apnCrmLeadUniqueIdentifier: null,
  partnerCrmUniqueIdentifier: { path: 'PartnerOpportunityIdentifier', as: 'text' },
  partnerPrimaryNeedFromAws: { path: 'PrimaryNeedsFromAws', as: 'primaryNeeds' },
  cosellConvertReason: null,
  additionalComments: { path: 'Project.AdditionalComments', as: 'text' },
  campaignName: { path: 'Project.ApnPrograms', as: 'list' },
  competitiveTracking: { path: 'Project.CompetitorName', as: 'text' },
  projectDescription: { path: 'Project.CustomerBusinessProblem', as: 'text' },
  useCase: { path: 'Project.CustomerUseCase', as: 'text' },
  deliveryModel: { path: 'Project.DeliveryModels', as: 'list' },
  expectedMonthlyAwsRevenue: { path: 'Project.ExpectedCustomerSpend.0', as: 'monthlySpend' },
  competitiveTrackingOther: { path: 'Project.OtherCompetitorNames', as: 'text' },
  otherSolutionOffered: { path: 'Project.OtherSolutionDescription', as: 'text' },
  parentOppId: { path: 'Project.RelatedOpportunityIdentifier', as: 'text' },
  salesActivities: { path: 'Project.SalesActivities', as: 'list' },
  partnerProjectTitle: { path: 'Project.Title', as: 'text' },
  rejectionReason: null,
  offers: { path: 'RelatedEntityIdentifiers.AwsMarketplaceOffers', as: 'list' },
  awsProducts: { path: 'RelatedEntityIdentifiers.AwsProducts', as: 'list' },
  solutionOffered: { path: 'RelatedEntityIdentifiers.Solutions', as: 'list' },
  procurementType: { path: 'SoftwareRevenue.DeliveryModel', as: 'text' },
  // The CSV swaps these two (source-schemas.md C.1); Opportunity-Fields.csv has them right.
  contractStartDate: { path: 'SoftwareRevenue.EffectiveDate', as: 'text' },
  contractEndDate: { path: 'SoftwareRevenue.ExpirationDate', as: 'text' },
  customerSoftwareValue: { path: 'SoftwareRevenue.Value.Amount', as: 'amount' },
  customerSoftwareValueCurrency: { path: 'SoftwareRevenue.Value.CurrencyCode', as: 'text' },
  awsFieldEngagement: null,
  contractVehicle: null,
  partnerPrimaryNeedFromAwsOther: null,
  isThisAPublicReference: null,
  isThisForMarketplace: null,
  leadSource: null,
  isNetNewBusinessForCompany: null,
  publicReferenceTitle: null,
  publicReferenceUrl: null,
  rfxSolicitationNumber: null,
  subUseCase: null,
  createdBy: null,
  lastModifiedBy: null,
  backwardsCompatibilityChanges: null,
};

/** The API's spelling of legacy picklist values that differ (source-schemas.md C.1). */
export const LEGACY_REVIEW_STATUS: Record<string, string> = { Draft: 'Pending Submission' };
export const LEGACY_MARKETING_SOURCE: Record<string, string> = {
  Yes: 'Marketing Activity',
  No: 'None',
};
