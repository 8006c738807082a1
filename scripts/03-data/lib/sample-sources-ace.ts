// ACE GetOpportunity responses for 06_generate_sample_sources.ts, with the key set and nesting
// of data/samples/ace/opportunities.json (every key present). A shared deal is typed again by
// someone else: another title, monthly spend instead of the total, a moved close date, the
// customer name re-typed, fields left out, and now and then redacted for national security.
import {
  ACE_STAGES,
  ADDITIONAL_COMMENTS,
  CAMPAIGNS,
  CHANNELS,
  CLOSED_LOST_REASONS,
  COMPETITORS,
  DELIVERY_MODELS,
  MARKETING_USE_CASES,
  NEXT_STEPS,
  PRIMARY_NEEDS,
  SALES_ACTIVITIES,
} from './demo-sample-vocabulary';
import {
  aceCompanyName,
  BASE_MS,
  Company,
  DAY_MS,
  dayAt,
  e164,
  INSTALL_MS,
  Person,
} from './sample-sources-companies';
import { fill, Plan, problemText } from './sample-sources-deals';
import { isoDate, SalesUser } from './sample-sources-odoo-reference';
import { streetOf } from './sample-sources-odoo-rows';
import { chance, digits, int, pick, Rng, sample, weighted } from './sample-sources-random';

// The partner's solutions (ListSolutions), referenced from RelatedEntityIdentifiers.Solutions.
export const SOLUTIONS = [
  ['S-0001201', 'Cloud Migration Factory', 'Consulting Offer', 'Active'],
  ['S-0001202', 'Data Platform Modernisation', 'Consulting Offer', 'Active'],
  ['S-0001203', 'Managed AWS Operations', 'Managed Services', 'Active'],
  ['S-0001204', 'Contact Centre Accelerator', 'Software Product', 'Active'],
  ['S-0001205', 'GenAI Knowledge Assistant', 'Software Product', 'Active'],
  ['S-0001206', 'Landing Zone Quickstart', 'Consulting Offer', 'Active'],
  ['S-0001207', 'SAP on AWS Migration', 'Consulting Offer', 'Active'],
  ['S-0001208', 'Disaster Recovery as a Service', 'Managed Services', 'Active'],
  ['S-0001209', 'Legacy Hosting Migration', 'Consulting Offer', 'Inactive'],
  ['S-0001210', 'IoT Telemetry Starter', 'Software Product', 'Draft'],
] as const;
const ACTIVE_SOLUTIONS = SOLUTIONS.filter((s) => s[3] === 'Active').map((s) => s[0]);

const TOPIC_PRODUCTS: Record<string, string[]> = {
  dwh: ['AmazonRedshift', 'AWSGlue', 'AmazonQuickSight'],
  sap: ['AmazonEC2', 'AmazonEBS', 'AWSBackup'],
  contact: ['AmazonConnect', 'AmazonLex'],
  ehr: ['AmazonEC2', 'AmazonRDS', 'AmazonS3'],
  mlforecast: ['AmazonSageMaker', 'AmazonS3'],
  mainframe: ['AWSMainframeModernization', 'AmazonEC2'],
  dr: ['AWSElasticDisasterRecovery', 'AWSBackup', 'AmazonS3'],
  datalake: ['AmazonS3', 'AWSLakeFormation', 'AmazonAthena'],
  genai: ['AmazonBedrock', 'AmazonKendra'],
  vmware: ['AWSApplicationMigrationService', 'AmazonEC2'],
  iot: ['AWSIoTCore', 'AWSIoTSiteWise'],
  dbmig: ['AWSDatabaseMigrationService', 'AmazonAurora'],
  containers: ['AmazonEKS', 'AWSFargate', 'AWSLambda'],
  vdi: ['AmazonWorkSpaces'],
  security: ['AWSControlTower', 'AWSSecurityHub', 'AmazonGuardDuty'],
};

export interface AceDeal {
  id: string;
  plan: Plan;
  shared: boolean; // the same deal is in Odoo
  partnerRef: string | null; // PartnerOpportunityIdentifier
  users: SalesUser[];
  seed: number;
}

const isoTimestamp = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

// One AWS account per customer, the same on every opportunity that names it.
export const awsAccountOf = (seed: number, company: Company) =>
  String(100_000_000_000 + company.index * 104_729 + (seed % 9973));

function aceWebsite(r: Rng, domain: string): string {
  const forms = [
    'https://www.{d}',
    'www.{d}',
    'https://{d}',
    'https://www.{d}/',
    'http://www.{d}/en/',
    '{d}',
  ];
  return fill(pick(r, forms), { d: domain });
}

function aceContact(p: Pick<Person, 'name' | 'title' | 'email'>, phone: string | null) {
  const [first, ...last] = p.name.split(' ');
  return {
    BusinessTitle: p.title,
    Email: p.email,
    FirstName: first,
    LastName: last.join(' '),
    Phone: phone ? e164(phone) : null,
  };
}

function aceAccount(r: Rng, deal: AceDeal, companyName: string) {
  const c = deal.plan.company;
  return {
    Address: {
      City: chance(r, 0.8) ? c.city.name : null,
      CountryCode: c.country.code,
      PostalCode: chance(r, 0.6) ? c.city.postal : null,
      StateOrRegion: c.country.code === 'US' || chance(r, 0.5) ? c.city.state : null,
      StreetAddress: chance(r, 0.4) ? streetOf(c) : null,
    },
    AwsAccountId: chance(r, 0.6) ? awsAccountOf(deal.seed, c) : null,
    CompanyName: companyName,
    Duns: chance(r, 0.25) ? digits(r, 9) : null,
    Industry: c.industry.ace,
    OtherIndustry: null,
    WebsiteUrl: chance(r, 0.85) ? aceWebsite(r, c.domain) : null,
  };
}

// National security opportunities come back with the customer blanked out.
function redactedAccount() {
  const Address = { City: null, CountryCode: null, PostalCode: null, StateOrRegion: null, StreetAddress: null }; // prettier-ignore
  return {
    Address,
    AwsAccountId: null,
    CompanyName: null,
    Duns: null,
    Industry: null,
    OtherIndustry: null,
    WebsiteUrl: null,
  };
}

function aceContacts(r: Rng, plan: Plan) {
  const others = plan.company.persons.filter((p) => p !== plan.contact);
  const people = [
    ...(plan.contact && chance(r, 0.7) ? [plan.contact] : []),
    ...(others.length && chance(r, 0.15) ? [pick(r, others)] : []),
  ];
  return people.map((p) => aceContact(p, chance(r, 0.8) ? p.phone : null));
}

function aceTeam(r: Rng, deal: AceDeal) {
  const owner = aceContact({ ...deal.plan.user, title: 'OpportunityOwner' }, null);
  const colleague = pick(r, deal.users);
  if (colleague === deal.plan.user || !chance(r, 0.25)) return [owner];
  return [owner, aceContact({ ...colleague, title: 'PartnerAccountManager' }, colleague.phone)];
}

// ACE often lags or leads Odoo by a stage.
function aceStage(r: Rng, plan: Plan): string {
  if (plan.lost) return chance(r, 0.85) ? 'Closed Lost' : pick(r, ACE_STAGES.slice(1, 4));
  const byOdooStage = [
    ACE_STAGES.slice(0, 1),
    ACE_STAGES.slice(1, 3),
    ACE_STAGES.slice(3, 5),
    chance(r, 0.9) ? ['Launched'] : ['Committed'],
  ];
  return pick(r, byOdooStage[plan.stage]);
}

const ACTIVITY_COUNT: Record<string, number> = {
  Prospect: 1,
  Qualified: 2,
  'Technical Validation': 3,
  'Business Validation': 5,
  Committed: 7,
  Launched: 8,
  'Closed Lost': 2,
};

function aceLifeCycle(r: Rng, plan: Plan) {
  const stage = aceStage(r, plan);
  const drafts = ['Approved', 'Approved', 'Submitted', 'In review', 'Action Required'];
  const review = stage === 'Prospect' ? pick(r, drafts) : 'Approved';
  const open = stage !== 'Launched' && stage !== 'Closed Lost';
  // Close dates drift by days to weeks between the two systems.
  const shiftDays = chance(r, 0.2) ? 0 : int(r, 3, 35) * (chance(r, 0.5) ? 1 : -1);
  return {
    ClosedLostReason: stage === 'Closed Lost' ? pick(r, CLOSED_LOST_REASONS) : null,
    NextSteps: open && chance(r, 0.6) ? pick(r, NEXT_STEPS) : null,
    NextStepsHistory: null,
    ReviewComments:
      review === 'Action Required' ? 'Please add detail to the customer business problem.' : null,
    ReviewStatus: review,
    ReviewStatusReason: null,
    Stage: stage,
    TargetCloseDate: isoDate(plan.deadlineMs + shiftDays * DAY_MS),
  };
}

function aceMarketing(r: Rng) {
  const fromCampaign = chance(r, 0.15);
  return {
    AwsFundingUsed: fromCampaign ? pick(r, ['Yes', 'No']) : null,
    CampaignName: fromCampaign ? pick(r, CAMPAIGNS) : null,
    Channels: fromCampaign ? [pick(r, CHANNELS)] : null,
    Source: fromCampaign ? 'Marketing Activity' : 'None',
    UseCases: fromCampaign ? [pick(r, MARKETING_USE_CASES)] : null,
  };
}

// Monthly AWS spend: the total deal value over a 12–36 month contract, give or take 15%.
function monthlySpend(r: Rng, revenue: number): string {
  return String(Math.round((revenue / int(r, 12, 36)) * (0.85 + 0.3 * r())));
}

function relatedEntities(r: Rng, plan: Plan) {
  const products = TOPIC_PRODUCTS[plan.topic.key] ?? [];
  return {
    AwsMarketplaceOffers: chance(r, 0.03) ? [`offer-${digits(r, 13)}`] : [],
    AwsProducts: chance(r, 0.6) ? sample(r, products, int(r, 1, products.length)) : [],
    Solutions: chance(r, 0.55) ? sample(r, ACTIVE_SOLUTIONS, int(r, 1, 2)) : [],
  };
}

function isNationalSecurity(r: Rng, deal: AceDeal): boolean {
  if (deal.shared) return chance(r, 0.02);
  return chance(r, deal.plan.company.industry.ace === 'Government' ? 0.25 : 0.005);
}

const OPPORTUNITY_TYPES = [
  { value: 'Net New Business', weight: 8 },
  { value: 'Expansion', weight: 2 },
  { value: 'Flat Renewal', weight: 1 },
];

// customerBase null: redacted, the text says "The customer" and the title names nobody.
function aceProject(r: Rng, plan: Plan, stage: string, customerBase: string | null) {
  // The business problem repeats what the Odoo description says and adds a point or two.
  const extra = plan.topic.problems.map((_, i) => i).filter((i) => !plan.sentences.includes(i));
  const sentences = [...plan.sentences, ...sample(r, extra, int(r, 1, 2))];
  const title = fill(plan.aceTitle, plan.vars);
  return {
    AdditionalComments: chance(r, 0.2) ? pick(r, ADDITIONAL_COMMENTS) : null,
    ApnPrograms: null,
    CompetitorName: chance(r, 0.5) ? pick(r, COMPETITORS) : null,
    CustomerBusinessProblem: problemText(plan, sentences, customerBase ?? 'The customer'),
    CustomerUseCase: plan.topic.useCase,
    DeliveryModels: sample(r, DELIVERY_MODELS.slice(0, 5), int(r, 1, 2)),
    ExpectedCustomerSpend: [
      {
        Amount: monthlySpend(r, plan.revenue),
        CurrencyCode: 'USD',
        EstimationUrl: null,
        Frequency: 'Monthly',
        TargetCompany: 'AWS',
      },
    ],
    OtherCompetitorNames: null,
    OtherSolutionDescription: null,
    RelatedOpportunityIdentifier: null,
    SalesActivities: SALES_ACTIVITIES.slice(0, ACTIVITY_COUNT[stage]),
    Title: customerBase && chance(r, 0.5) ? `${customerBase} - ${title}` : title,
  };
}

export function aceOpportunity(r: Rng, deal: AceDeal) {
  const { plan } = deal;
  const redacted = isNationalSecurity(r, deal);
  const customer = aceCompanyName(r, plan.company);
  const lifeCycle = aceLifeCycle(r, plan);
  const firstDay = Math.max(plan.createdMs, INSTALL_MS);
  const createdMs = Math.min(dayAt(r, firstDay, int(r, 1, 25)), BASE_MS - DAY_MS);
  const modifiedMs = Math.min(dayAt(r, createdMs, int(r, 0, 120)), BASE_MS);
  return {
    Arn: null,
    Catalog: 'AWS',
    CreatedDate: isoTimestamp(createdMs),
    Customer: {
      Account: redacted ? redactedAccount() : aceAccount(r, deal, customer.name),
      Contacts: redacted ? [] : aceContacts(r, plan),
    },
    Id: deal.id,
    LastModifiedDate: isoTimestamp(Math.max(modifiedMs, createdMs)),
    LifeCycle: lifeCycle,
    Marketing: aceMarketing(r),
    NationalSecurity: redacted ? 'Yes' : 'No',
    OpportunityTeam: aceTeam(r, deal),
    OpportunityType: weighted(r, OPPORTUNITY_TYPES).value,
    // About one in seven came from AWS; derived from the id so the other fields' random
    // draws stay as they were.
    Origin: Number(deal.id.slice(-3)) % 7 === 0 ? 'AWS Referral' : 'Partner Referral',
    PartnerOpportunityIdentifier: deal.partnerRef,
    PrimaryNeedsFromAws: sample(r, PRIMARY_NEEDS, int(r, 1, 2)),
    Project: aceProject(r, plan, lifeCycle.Stage, redacted ? null : customer.base),
    RelatedEntityIdentifiers: relatedEntities(r, plan),
    SoftwareRevenue: null,
  };
}

export type AceOpportunity = ReturnType<typeof aceOpportunity>;
