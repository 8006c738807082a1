// A matching data set's files, in the shapes the connectors read from real systems: Odoo's
// import-compatible CSV export (odoo/<model>.csv), ACE GetOpportunity responses
// (ace/opportunities-NNN.json) and ground_truth.csv (odoo_id,ace_id,kind).
import { getCountries } from 'libphonenumber-js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDiscoveryDir } from '@revops/ingestion/schema/discovery-files';
import { ACE_STAGES, STAGES } from '../demo-sample-vocabulary';
import { DAY_MS } from '../sample-sources-companies';
import {
  referenceRows,
  salesUsers,
  isoDate,
  magic,
  COMPANY_ID,
} from '../sample-sources-odoo-reference';
import { chance, int, pick } from '../sample-sources-random';
import {
  CsvFile,
  JsonArrayFiles,
  OdooCsvExport,
  removeOldExports,
  Row,
  WrittenFile,
} from '../sample-sources-sinks';
import {
  AceOpportunityPlan,
  dealText,
  DatasetPlan,
  emailOf,
  NOISE,
  OdooLeadPlan,
} from './dataset-deals';
import { OrgRecord } from './linked-sets';

const PARTNER_START = 1001;
const ACE_FILE_ROWS = 10_000;
const LEAD_NAME_FORMATS = ['{company} - {title}', '{title} - {company}', '{title}', '{title}'];

/** Every ISO country, ids in code order: the Odoo res.country rows leads point at. */
function countries(): { id: number; code: string; name: string }[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  return getCountries()
    .filter((code) => /^[A-Z]{2}$/.test(code))
    .sort()
    .map((code, i) => ({ id: i + 1, code, name: names.of(code) ?? code }));
}

const domainOf = (website: string | null): string | null => {
  if (!website) return null;
  try {
    return new URL(/^https?:\/\//i.test(website) ? website : `https://${website}`).hostname.replace(/^www\./, ''); // prettier-ignore
  } catch {
    return null;
  }
};

/** ACE accepts a website of at most 255 characters: a longer one is entered as its origin. */
function aceWebsite(website: string | null): string | null {
  if (!website || website.length <= 255) return website;
  try {
    return new URL(website).origin;
  } catch {
    return null;
  }
}

const keep = <T>(value: T | null, missingRate: number, roll: number): T | null =>
  roll < missingRate ? null : value;

function partnerRow(
  org: OrgRecord,
  id: number,
  countryId: (code: string | null) => number | null,
): Row {
  return {
    id,
    name: org.name,
    complete_name: org.name,
    active: true,
    type: 'contact',
    is_company: true,
    street: org.street,
    zip: org.postcode,
    city: org.city,
    country_id: countryId(org.country),
    phone: org.phone,
    website: org.website,
    email: org.email,
    commercial_partner_id: id,
    commercial_company_name: org.name,
    partner_share: true,
    ...magic(Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 2)),
  };
}

function leadRow(
  lead: OdooLeadPlan,
  partnerId: number | null,
  countryId: (code: string | null) => number | null,
  userId: number,
): Row {
  const { org, deal, rng: r } = lead;
  const missing = NOISE.odooMissing;
  const { title, text } = dealText(r, deal, deal.topic.odooTitles, org.name);
  const name = pick(r, LEAD_NAME_FORMATS).replace('{company}', org.name).replace('{title}', title);
  const contact = deal.contact ? `${deal.contact.first} ${deal.contact.last}` : null;
  const website = keep(org.website, missing.website, r());
  const email = chance(r, 1 - missing.email)
    ? ((deal.contact ? emailOf(deal.contact, domainOf(org.website)) : null) ?? org.email)
    : null;
  // Odoo's total: the monthly spend over the contract (1–5 years), give or take 10%.
  const revenue = Math.round((deal.monthly * deal.contractMonths * (0.9 + 0.2 * r())) / 1000) * 1000; // prettier-ignore
  const won = STAGES[deal.stage].is_won;
  return {
    id: lead.id,
    name,
    type: 'opportunity',
    active: !deal.lost,
    partner_id: partnerId,
    partner_name: partnerId === null ? org.name : null,
    contact_name: contact,
    email_from: email,
    phone: keep(org.phone, missing.phone, r()),
    website,
    street: keep(org.street, missing.street, r()),
    zip: keep(org.postcode, missing.postcode, r()),
    city: org.city,
    country_id: countryId(org.country),
    description: `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
    expected_revenue: Math.max(1000, revenue),
    probability: deal.lost ? 0 : won ? 100 : [10, 30, 60][deal.stage],
    stage_id: STAGES[deal.stage].id,
    date_deadline: isoDate(deal.closeMs),
    user_id: userId,
    company_id: COMPANY_ID,
    lost_reason_id: deal.lost ? 1 : null,
    ...magic(deal.createdMs, deal.createdMs + int(r, 1, 25) * DAY_MS),
  };
}

function aceStage(r: () => number, stage: number, lost: boolean): string {
  if (lost) return 'Closed Lost';
  const byOdoo = [['Prospect'], ['Qualified', 'Technical Validation'], ['Business Validation', 'Committed'], ['Launched']]; // prettier-ignore
  return pick(r, byOdoo[stage] ?? ACE_STAGES);
}

function aceOpportunity(o: AceOpportunityPlan): Record<string, unknown> {
  const { org, deal, rng: r } = o;
  const missing = NOISE.aceMissing;
  const { title, text } = dealText(r, deal, deal.topic.aceTitles, o.name);
  const domain = domainOf(org.website);
  // The same person as Odoo, another of the customer's people, or nobody.
  const person = !chance(r, 1 - missing.contact)
    ? null
    : deal.contact && chance(r, NOISE.sameContact)
      ? deal.contact
      : pick(r, o.persons);
  const contacts = person
    ? [
        {
          BusinessTitle: pick(r, ['CIO', 'CTO', 'Head of IT', 'IT Director', 'CFO']),
          Email: emailOf(person, domain) ?? org.email,
          FirstName: person.first,
          LastName: person.last,
          Phone: org.phone,
        },
      ]
    : [];
  // ACE's monthly spend; the contract's months when the partner gave them, not always the
  // length Odoo's total covers.
  const months = chance(r, NOISE.otherContractLength) ? pick(r, NOISE.odooTotalMonths) : deal.contractMonths; // prettier-ignore
  const stage = aceStage(r, deal.stage, deal.lost);
  const modified = new Date(deal.createdMs + int(r, 1, 40) * DAY_MS).toISOString().slice(0, 19);
  return {
    Arn: null,
    Catalog: 'AWS',
    CreatedDate: `${new Date(deal.createdMs + int(r, 0, 10) * DAY_MS).toISOString().slice(0, 19)}Z`,
    Customer: {
      Account: {
        Address: {
          City: keep(org.city, missing.city, r()),
          CountryCode: org.country,
          PostalCode: keep(org.postcode, missing.postcode, r()),
          StateOrRegion: org.region,
          StreetAddress: keep(org.street, missing.street, r()),
        },
        AwsAccountId: keep(o.awsAccountId, missing.account, r()),
        CompanyName: o.name.slice(0, 120), // ACE's limit
        Duns: o.duns,
        Industry: 'Other',
        OtherIndustry: null,
        WebsiteUrl: keep(aceWebsite(org.website), missing.website, r()),
      },
      Contacts: contacts,
    },
    Id: o.id,
    LastModifiedDate: `${modified}Z`,
    LifeCycle: {
      ClosedLostReason: stage === 'Closed Lost' ? 'Price' : null,
      NextSteps: null,
      NextStepsHistory: null,
      ReviewComments: null,
      ReviewStatus: 'Approved',
      ReviewStatusReason: null,
      Stage: stage,
      TargetCloseDate: isoDate(deal.closeMs + o.closeShiftDays * DAY_MS),
    },
    Marketing: { AwsFundingUsed: null, CampaignName: null, Channels: null, Source: 'None', UseCases: null }, // prettier-ignore
    NationalSecurity: 'No',
    OpportunityTeam: [{ BusinessTitle: 'OpportunityOwner', Email: 'mitchell.admin@example.com', FirstName: 'Mitchell', LastName: 'Admin', Phone: null }], // prettier-ignore
    OpportunityType: 'Net New Business',
    Origin: 'Partner Referral',
    PartnerOpportunityIdentifier: null,
    PrimaryNeedsFromAws: ['Co-Sell - Technical Consultation'],
    Project: {
      AdditionalComments: null,
      ApnPrograms: null,
      CompetitorName: null,
      CustomerBusinessProblem: text,
      CustomerUseCase: deal.topic.useCase,
      DeliveryModels: ['SaaS or PaaS'],
      ExpectedCustomerSpend: [
        {
          Amount: String(Math.round(deal.monthly * (0.85 + 0.3 * r()))),
          CurrencyCode: 'USD',
          EstimationUrl: null,
          Frequency: 'Monthly',
          TargetCompany: 'AWS',
        },
      ],
      ExpectedContractDuration: chance(r, NOISE.aceContractMonths)
        ? { Term: 'Months', Value: String(months) }
        : null,
      OtherCompetitorNames: null,
      OtherSolutionDescription: null,
      RelatedOpportunityIdentifier: null,
      SalesActivities: ['Initialized discussions with customer'],
      Title: title,
    },
    RelatedEntityIdentifiers: { AwsMarketplaceOffers: [], AwsProducts: [], Solutions: [] },
    SoftwareRevenue: null,
  };
}

export interface DatasetFiles {
  files: WrittenFile[];
  leads: number;
  aceOpportunities: number;
  truth: Record<string, number>;
}

/** Writes the plan's files under `out` (earlier exports there are deleted first). */
export function writeDataset(plan: DatasetPlan, out: string, seed: number): DatasetFiles {
  removeOldExports(out);
  mkdirSync(join(out, 'ace'), { recursive: true });
  const tables = new Map(readDiscoveryDir().filter((t) => t.source === 'odoo').map((t) => [t.table, t])); // prettier-ignore
  const table = (name: string) => tables.get(name)!;
  const files: WrittenFile[] = [];
  const users = salesUsers(seed, plan.leads.length);
  const reference = referenceRows(users);
  const countryRows = countries();
  const countryIds = new Map(countryRows.map((c) => [c.code, c.id]));
  const countryId = (code: string | null) => (code ? (countryIds.get(code) ?? null) : null);
  reference.res_country = countryRows.map((c) => ({ id: c.id, code: c.code, name: { en_US: c.name } })); // prettier-ignore
  reference.res_country_state = [];
  for (const [name, rows] of Object.entries(reference)) {
    const csv = new OdooCsvExport(out, table(name));
    rows.forEach((row) => csv.write(row));
    files.push(csv.close(out));
  }
  const partners = new OdooCsvExport(out, table('res_partner'));
  const partnerIds = new Map(plan.odooOrgs.map((org, i) => [org.key, PARTNER_START + i]));
  for (const org of plan.odooOrgs) partners.write(partnerRow(org, partnerIds.get(org.key)!, countryId)); // prettier-ignore
  files.push(partners.close(out));
  const leads = new OdooCsvExport(out, table('crm_lead'));
  for (const lead of [...plan.leads].sort((x, y) => x.id - y.id)) {
    const partnerId = chance(lead.rng, NOISE.odooPartner) ? partnerIds.get(lead.org.key)! : null;
    leads.write(leadRow(lead, partnerId, countryId, pick(lead.rng, users).userId));
  }
  files.push(leads.close(out));
  const ace = new JsonArrayFiles(out, 'ace/opportunities', ACE_FILE_ROWS);
  for (const o of [...plan.aceOpportunities].sort((x, y) => x.id.localeCompare(y.id))) ace.add(aceOpportunity(o)); // prettier-ignore
  files.push(...ace.close());
  const truth = new CsvFile(out, 'ground_truth.csv', ['odoo_id', 'ace_id', 'kind']);
  for (const t of plan.truth) truth.write([String(t.odooId), t.aceId, t.kind]);
  files.push(truth.close());
  const counts: Record<string, number> = {};
  for (const t of plan.truth) counts[t.kind] = (counts[t.kind] ?? 0) + 1;
  return { files, leads: plan.leads.length, aceOpportunities: plan.aceOpportunities.length, truth: counts }; // prettier-ignore
}

/** What was built from what, beside the files (dataset.json). */
export function writeManifest(out: string, manifest: Record<string, unknown>): void {
  writeFileSync(join(out, 'dataset.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
