import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  APN_TABLES,
  ApnRows,
  apnRowsFromOpportunities,
  apnRowsFromOpportunity,
  legacyS3ToGetOpportunity,
  mergeAwsAccountRows,
  pageOfSortedRows,
  solutionRow,
  sortRows,
  toApiJson,
} from '@revops/ingestion/connectors/apn-rows';
import { checkRawRow } from '@revops/ingestion/raw/check-raw-row';
import { RAW_TABLES } from '@revops/ingestion/raw/raw-table-spec';
import { SHARED_DIR } from '../../fixtures/paths';

type Json = Record<string, unknown>;

const fixture = (path: string): Json =>
  JSON.parse(readFileSync(join(SHARED_DIR, 'fixtures/ace', path), 'utf8'));

const basic = fixture('get-opportunity.response.json');
const multiPartner = fixture('postman-extra/get-opportunity.multipartner.response.json');
const awsOriginated = fixture('postman-extra/get-opportunity.aws-originated.response.json');
const legacyDocument = fixture('Opportunity-Outbound-Sample.json') as {
  opportunities: Json[];
};
const legacy = legacyS3ToGetOpportunity(legacyDocument.opportunities[0]);

/** A ListSolutions SolutionBase as the SDK documents it. */
const solution: Json = {
  Catalog: 'Sandbox',
  Id: 'S-0012345',
  Arn: 'arn:aws:partnercentral:us-east-1::catalog/Sandbox/solution/S-0012345',
  Name: 'Acme Data Lake',
  Status: 'Active',
  Category: 'Software Product',
  CreatedDate: '2024-05-02T10:00:00Z',
  AwsMarketplaceSolutionArn: null,
};

function expectAllValid(rows: ApnRows): void {
  for (const table of APN_TABLES) {
    for (const row of rows[table]) {
      const check = checkRawRow(RAW_TABLES[table], row);
      expect({ table, problem: check.ok ? null : check.reason }).toEqual({ table, problem: null });
    }
  }
}

describe('apn-rows', () => {
  it("turns AWS's sample payloads into valid rows for every APN table", () => {
    const rows = apnRowsFromOpportunities([basic, multiPartner, awsOriginated, legacy]);
    rows.apn_solution.push(solutionRow(solution));
    expectAllValid(rows);
    const counts = Object.fromEntries(APN_TABLES.map((table) => [table, rows[table].length]));
    // basic and aws-originated share Id O1111111: the later LastModifiedDate wins.
    expect(counts).toEqual({
      apn_opportunity: 3,
      apn_aws_account: 2,
      apn_customer_contact: 3,
      apn_opportunity_team_member: 6,
      apn_opportunity_related_entity: 5,
      apn_solution: 1,
    });
  });

  it('fills every discovery column and keeps only the unmapped parts for _extra', () => {
    const [row] = apnRowsFromOpportunity(awsOriginated).apn_opportunity;
    const check = checkRawRow(RAW_TABLES.apn_opportunity, row);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.row.values).toMatchObject({
      id: 'O1111111',
      catalog: 'Sandbox',
      customer_aws_account_id: '123456789012',
      customer_city: 'New York',
      marketing_campaign_name: 'MKTG-Q1NY',
      marketing_channels: ['Content Syndication'],
      software_revenue_delivery_model: 'Pay-as-you-go',
      software_revenue_amount: '10000.0',
      software_revenue_currency_code: 'USD',
      software_revenue_effective_date: '2023-10-31',
      software_revenue_expiration_date: '2024-03-31',
      project_other_solution_description: 'Acme Data Lake',
      last_modified_date: '2025-01-24T20:57:14Z',
    });
    // RelatedEntityIdentifiers is loaded into apn_opportunity_related_entity: not extra.
    expect(Object.keys(check.row.extra)).toEqual([]);
  });

  it('keeps fields the API adds later, under their own names', () => {
    const newer = {
      ...basic,
      Project: { ...(basic.Project as Json), FutureField: 'x' },
      Brand: 'new',
    };
    const [row] = apnRowsFromOpportunity(newer).apn_opportunity;
    expect(row.Project).toEqual({ FutureField: 'x' });
    expect(row.Brand).toBe('new');
    expect(row.project_title).toBe('TestAcessibleStatusApprovedStageLaunched');
  });

  it('gives contacts and team members their position and the opportunity LastModifiedDate', () => {
    const rows = apnRowsFromOpportunity(multiPartner);
    expect(rows.apn_customer_contact).toEqual([
      {
        opportunity_id: 'O5408941',
        position: 0,
        email: 'test@test.com',
        first_name: 'TestContact011',
        last_name: 'MLastName001',
        business_title: 'Executive',
        phone: '+14444444444',
        last_modified_date: '2025-02-15T20:46:25Z',
      },
    ]);
    expect(
      rows.apn_opportunity_team_member.map((m) => [m.position, m.business_title, m.last_name]),
    ).toEqual([
      [0, 'OpportunityOwner', 'Alliance Lead'],
      [1, 'PartnerAccountManager', 'CLastName001'],
    ]);
    expect(rows.apn_aws_account).toEqual([
      {
        aws_account_id: '111111111111',
        company_name: 'ValidAWSCreate',
        website_url: 'www.test.com',
        country_code: 'US',
        first_opportunity_id: 'O5408941',
        created_date: '2025-02-15T17:54:40Z',
        last_modified_date: '2025-02-15T20:46:25Z',
      },
    ]);
  });

  it('writes an account only for a 12-digit AWS account id', () => {
    const alias = structuredClone(multiPartner);
    ((alias.Customer as Json).Account as Json).AwsAccountId = 'myalias';
    expect(apnRowsFromOpportunity(alias).apn_aws_account).toEqual([]);
    expect(apnRowsFromOpportunity(basic).apn_aws_account).toEqual([]);
  });

  it('writes one related-entity row per distinct id of each kind', () => {
    const linked = {
      ...basic,
      RelatedEntityIdentifiers: {
        Solutions: ['S-1', 'S-1', 'S-2'],
        AwsProducts: ['Lambda'],
        AwsMarketplaceOfferSets: ['arn:aws:aws-marketplace:us-east-1:123456789012:x'],
      },
    };
    const rows = apnRowsFromOpportunity(linked).apn_opportunity_related_entity;
    expect(rows.map((r) => `${r.entity_type}/${r.entity_id}`)).toEqual([
      'Solutions/S-1',
      'Solutions/S-2',
      'AwsProducts/Lambda',
      'AwsMarketplaceOfferSets/arn:aws:aws-marketplace:us-east-1:123456789012:x',
    ]);
    expect(rows.every((r) => r.last_modified_date === basic.LastModifiedDate)).toBe(true);
  });

  it('returns a malformed opportunity as a row that fails its check with a reason', () => {
    const broken = { ...basic, LastModifiedDate: 'yesterday' };
    const rows = apnRowsFromOpportunity(broken);
    const check = checkRawRow(RAW_TABLES.apn_opportunity, rows.apn_opportunity[0]);
    expect(check).toMatchObject({ ok: false, key: 'O1111111' });
    if (check.ok) return;
    expect(check.reason).toContain('last_modified_date');
    // Without an Id there is no key for children: only the (quarantined) opportunity row.
    const anonymous = apnRowsFromOpportunity({ ...multiPartner, Id: undefined });
    expect(anonymous.apn_opportunity).toHaveLength(1);
    expect(anonymous.apn_customer_contact).toEqual([]);
  });

  it('maps the legacy S3 outbound sample onto GetOpportunity paths', () => {
    expect(legacy).toMatchObject({
      Id: 'OXXXXXX',
      Catalog: 'AWS',
      Origin: 'Partner Referral',
      NationalSecurity: 'No',
      PartnerOpportunityIdentifier: 'TestIdentifier',
      PrimaryNeedsFromAws: [],
      Customer: {
        Account: {
          CompanyName: 'Test LLC',
          Industry: 'Government',
          Duns: '123456789',
          Address: { CountryCode: 'US', StateOrRegion: 'Washington', City: 'Seattle' },
        },
        Contacts: [{ FirstName: 'FirstName', BusinessTitle: 'Test Title', Phone: '1234567890' }],
      },
      Project: {
        ApnPrograms: ['WWPS NDPP', 'P3'],
        DeliveryModels: ['BYOL or AMI'],
        ExpectedCustomerSpend: [
          { Amount: '100', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' },
        ],
        RelatedOpportunityIdentifier: 'O1234567',
      },
      Marketing: { Source: 'Marketing Activity', Channels: ['Email'], UseCases: ['Analytics'] },
      LifeCycle: { Stage: 'Prospect', ReviewStatus: 'Approved', TargetCloseDate: '2022-09-24' },
      SoftwareRevenue: {
        DeliveryModel: 'Contract',
        Value: { Amount: '0', CurrencyCode: 'USD' },
        EffectiveDate: '2022-09-24',
        ExpirationDate: '2022-09-24',
      },
      RelatedEntityIdentifiers: {
        AwsProducts: ['Lambda', 'AWSManagedServices', 'WorkLink'],
        Solutions: ['S-XXXXXXX'],
        AwsMarketplaceOffers: ['Offer-XXX'],
      },
      OpportunityTeam: [
        {
          BusinessTitle: 'OpportunityOwner',
          FirstName: 'APN',
          LastName: 'Test Partner Central User',
          Email: 'test@amazon.com.invalid',
        },
        {
          BusinessTitle: 'PartnerAccountManager',
          FirstName: 'PartnerSalesRepFirstName',
          LastName: 'PartnerSalesRepLastName',
        },
      ],
    });
    // AWS-side fields and values the API cannot hold are kept, not dropped.
    expect(legacy.LegacyS3Fields).toMatchObject({
      aWSSalesRepEmail: 'awsrep@amazon.com',
      engagementScore: 'High',
      partnerPrimaryNeedFromAws: 'Do Not Need Support from AWS Sales Rep',
      partnerDeveloperManager: 'TestName',
    });
  });

  it('converts legacy picklist spellings to the API enums', () => {
    const converted = legacyS3ToGetOpportunity({
      apnCrmUniqueIdentifier: 'O42',
      industry: 'Computers & Electronics',
      closedLostReason: 'Lost to Competitor – Google',
      status: 'Draft',
      IsOppFromMarketingActivity: 'No',
      country: 'Korea',
      contractStartDate: '2024-01-01',
      contractEndDate: '2024-12-31',
      partnerPrimaryNeedFromAws: 'Co-Sell - Deal Support;Co-Sell - Pricing Assistance',
    });
    expect(converted).toMatchObject({
      Customer: {
        Account: { Industry: 'Computers and Electronics', Address: { CountryCode: 'KR' } },
      },
      LifeCycle: {
        ClosedLostReason: 'Lost to Competitor - Google',
        ReviewStatus: 'Pending Submission',
      },
      Marketing: { Source: 'None' },
      SoftwareRevenue: { EffectiveDate: '2024-01-01', ExpirationDate: '2024-12-31' },
      PrimaryNeedsFromAws: ['Co-Sell - Deal Support', 'Co-Sell - Pricing Assistance'],
    });
    expect(converted.LegacyS3Fields).toBeUndefined();
    const unknown = legacyS3ToGetOpportunity({ country: 'Serbia and Montenegro' });
    expect(unknown.Customer).toBeUndefined();
    expect(unknown.LegacyS3Fields).toEqual({ country: 'Serbia and Montenegro' });
  });

  it('keeps the latest version of an opportunity that several exports hold', () => {
    const older = { ...multiPartner, LastModifiedDate: '2025-01-01T00:00:00Z' };
    const rows = apnRowsFromOpportunities([multiPartner, older]);
    expect(rows.apn_opportunity.map((r) => r.last_modified_date)).toEqual(['2025-02-15T20:46:25Z']);
  });

  it('merges the accounts several opportunities name', () => {
    const account = (id: string, created: string, modified: string, company: string) => ({
      aws_account_id: '123456789012',
      company_name: company,
      first_opportunity_id: id,
      created_date: created,
      last_modified_date: modified,
    });
    expect(
      mergeAwsAccountRows([
        account('O2', '2024-02-01T00:00:00Z', '2024-09-01T00:00:00Z', 'Later Inc'),
        account('O1', '2024-01-01T00:00:00Z', '2024-03-01T00:00:00Z', 'First Inc'),
      ]),
    ).toEqual([account('O1', '2024-01-01T00:00:00Z', '2024-09-01T00:00:00Z', 'First Inc')]);
  });

  it('writes SDK output in the API JSON shape', () => {
    expect(
      toApiJson({
        $metadata: { requestId: 'r' },
        LastModifiedDate: new Date('2025-02-15T20:46:25Z'),
        LifeCycle: { NextStepsHistory: [{ Value: 'v', Time: new Date('2025-02-15T20:46:25.5Z') }] },
      }),
    ).toEqual({
      LastModifiedDate: '2025-02-15T20:46:25Z',
      LifeCycle: { NextStepsHistory: [{ Value: 'v', Time: '2025-02-15T20:46:25.500Z' }] },
    });
  });

  it('serves pages in cursor order, resuming exactly after the last row', () => {
    const spec = RAW_TABLES.apn_opportunity_team_member;
    const member = (id: string, position: number, modified: string) => ({
      opportunity_id: id,
      position,
      last_modified_date: modified,
    });
    const sorted = sortRows(
      [
        member('O3', 0, '2025-01-03T00:00:00Z'),
        member('O1', 1, '2025-01-01T00:00:00Z'),
        member('O1', 0, '2025-01-01T00:00:00.000Z'),
        member('O2', 0, '2025-01-02T00:00:00Z'),
      ],
      spec,
      spec.cursor as string[],
    );
    const order = spec.cursor as string[];
    const keys = (rows: Json[]) => rows.map((r) => `${r.opportunity_id}:${r.position}`);
    // The cursor ends with the whole key, so pages can split an opportunity's rows safely.
    expect(order).toEqual(['last_modified_date', 'opportunity_id', 'position']);
    expect(keys(pageOfSortedRows(sorted, spec, { order, limit: 1 }))).toEqual(['O1:0']);
    expect(
      keys(
        pageOfSortedRows(sorted, spec, {
          order,
          limit: 1,
          after: ['2025-01-01T00:00:00Z', 'O1', 0],
        }),
      ),
    ).toEqual(['O1:1']);
    expect(
      keys(
        pageOfSortedRows(sorted, spec, {
          order,
          limit: 1,
          after: ['2025-01-01T00:00:00Z', 'O1', 1],
        }),
      ),
    ).toEqual(['O2:0']);
    expect(
      keys(pageOfSortedRows(sorted, spec, { order, limit: 9, from: '2025-01-02T00:00:00.000Z' })),
    ).toEqual(['O2:0', 'O3:0']);
  });
});
