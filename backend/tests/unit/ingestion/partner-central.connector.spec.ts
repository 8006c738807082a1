import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AccessDeniedException,
  GetOpportunityCommand,
  ListOpportunitiesCommand,
  ListSolutionsCommand,
  PartnerCentralSellingClient,
  ResourceNotFoundException,
  ThrottlingException,
} from '@aws-sdk/client-partnercentral-selling';
import { Logger } from '@nestjs/common';
import { mockClient } from 'aws-sdk-client-mock';
import { PartnerCentralConnector } from '@revops/ingestion/connectors/partner-central.connector';
import { RAW_TABLES } from '@revops/ingestion/raw/raw-table-spec';
import { SHARED_DIR } from '../../fixtures/paths';

type Json = Record<string, unknown>;

const template: Json = JSON.parse(
  readFileSync(join(SHARED_DIR, 'fixtures/ace/get-opportunity.response.json'), 'utf8'),
);

/** `count` opportunities O1000…, one minute apart from 2025-03-01T00:00:00Z on. */
function opportunities(count: number): Json[] {
  return Array.from({ length: count }, (_, i) => ({
    ...template,
    Id: `O${1000 + i}`,
    LastModifiedDate: new Date(Date.UTC(2025, 2, 1) + i * 60_000).toISOString().replace('.000', ''),
  }));
}

const partnerCentral = mockClient(PartnerCentralSellingClient);

/**
 * A fake Selling API over `records`: ListOpportunities sorted by LastModifiedDate, strictly
 * after AfterLastModifiedDate, `pageSize` a page; GetOpportunity with SDK-typed dates. Each
 * call notes the fake time; `failures` holds errors GetOpportunity throws first, per id.
 */
function serve(records: Json[], clock: { now: number }, pageSize = 100) {
  const calls: number[] = [];
  const failures = new Map<string, Error[]>();
  partnerCentral.on(ListOpportunitiesCommand).callsFake((input) => {
    calls.push(clock.now);
    const after = input.LastModifiedDate?.AfterLastModifiedDate as Date | undefined;
    const matching = records
      .filter((r) => !after || Date.parse(String(r.LastModifiedDate)) > after.getTime())
      .sort((a, b) => String(a.LastModifiedDate).localeCompare(String(b.LastModifiedDate)));
    const offset = Number(input.NextToken ?? 0);
    const next = offset + pageSize < matching.length ? String(offset + pageSize) : null;
    return {
      $metadata: {},
      NextToken: next,
      OpportunitySummaries: matching.slice(offset, offset + pageSize).map((r) => ({
        Catalog: r.Catalog,
        Id: r.Id,
        LastModifiedDate: new Date(String(r.LastModifiedDate)),
      })),
    };
  });
  partnerCentral.on(GetOpportunityCommand).callsFake((input) => {
    calls.push(clock.now);
    const failure = failures.get(input.Identifier)?.shift();
    if (failure) throw failure;
    const record = records.find((r) => r.Id === input.Identifier);
    if (!record) throw new ResourceNotFoundException({ message: 'gone', $metadata: {} });
    return {
      ...record,
      $metadata: { requestId: 'req' },
      CreatedDate: new Date(String(record.CreatedDate)),
      LastModifiedDate: new Date(String(record.LastModifiedDate)),
    };
  });
  return { calls, failures };
}

function connector(clock: { now: number; sleeps: number[] }) {
  return new PartnerCentralConnector({
    catalog: 'Sandbox',
    client: new PartnerCentralSellingClient({ region: 'us-east-1' }),
    now: () => clock.now,
    sleep: async (ms) => {
      clock.sleeps.push(ms);
      clock.now += ms;
    },
    random: () => 0.5,
  });
}

const opportunityTable = RAW_TABLES.apn_opportunity;
const order = opportunityTable.cursor as string[];

describe('PartnerCentralConnector', () => {
  let clock: { now: number; sleeps: number[] };
  // The connector logs each read; the tests need only errors.
  beforeAll(() => Logger.overrideLogger(['error']));
  beforeEach(() => {
    partnerCentral.reset();
    clock = { now: 0, sleeps: [] };
  });

  it('pages ListOpportunities with NextToken and fetches each opportunity once per sync', async () => {
    const records = opportunities(250);
    serve(records, clock);
    const source = connector(clock);

    const rows = await source.readPage(opportunityTable, { order, limit: 1000 });
    expect(rows.map((r) => r.id)).toEqual(records.map((r) => r.Id));
    expect(rows[0]).toMatchObject({ last_modified_date: '2025-03-01T00:00:00Z' });
    expect(rows[0]).not.toHaveProperty('$metadata');
    const lists = partnerCentral.commandCalls(ListOpportunitiesCommand).map((c) => c.args[0].input);
    expect(lists).toEqual([
      {
        Catalog: 'Sandbox',
        MaxResults: 100,
        Sort: { SortBy: 'LastModifiedDate', SortOrder: 'ASCENDING' },
      },
      expect.objectContaining({ NextToken: '100' }),
      expect.objectContaining({ NextToken: '200' }),
    ]);

    const team = await source.readPage(RAW_TABLES.apn_opportunity_team_member, {
      order: RAW_TABLES.apn_opportunity_team_member.cursor as string[],
      limit: 1000,
    });
    expect(team).toHaveLength(250);
    expect(partnerCentral.commandCalls(GetOpportunityCommand)).toHaveLength(250);
    expect(partnerCentral.commandCalls(ListOpportunitiesCommand)).toHaveLength(3);
  });

  it("asks only for opportunities modified since the page's start", async () => {
    const records = opportunities(10);
    serve(records, clock);
    const source = connector(clock);
    const from = '2025-03-01T00:05:00Z';

    const first = await source.readPage(opportunityTable, { order, from, limit: 2 });
    const [list] = partnerCentral
      .commandCalls(ListOpportunitiesCommand)
      .map((c) => c.args[0].input);
    // A second early: the filter may be exclusive; the row at `from` itself is still read.
    expect(list.LastModifiedDate).toEqual({
      AfterLastModifiedDate: new Date('2025-03-01T00:04:59Z'),
    });
    expect(first.map((r) => r.id)).toEqual(['O1005', 'O1006']);
    const rest = await source.readPage(opportunityTable, {
      order,
      limit: 10,
      after: [String(first[1].last_modified_date), String(first[1].id)],
    });
    expect(rest.map((r) => r.id)).toEqual(['O1007', 'O1008', 'O1009']);
    expect(partnerCentral.commandCalls(GetOpportunityCommand)).toHaveLength(5);
    expect(partnerCentral.commandCalls(ListOpportunitiesCommand)).toHaveLength(1);
  });

  it('makes at most 10 API reads in any second', async () => {
    const { calls } = serve(opportunities(35), clock);
    await connector(clock).readPage(opportunityTable, { order, limit: 100 });
    expect(calls).toHaveLength(36);
    for (let i = 0; i + 10 < calls.length; i++) {
      expect(calls[i + 10] - calls[i]).toBeGreaterThanOrEqual(1000);
    }
    // …and no slower than that: evenly spaced at 100 ms.
    expect(calls[calls.length - 1] - calls[0]).toBe(3500);
  });

  it('backs off exponentially with jitter when throttled, then goes on', async () => {
    const { failures } = serve(opportunities(3), clock);
    const throttled = () => new ThrottlingException({ message: 'Rate exceeded', $metadata: {} });
    failures.set('O1001', [throttled(), throttled()]);

    const rows = await connector(clock).readPage(opportunityTable, { order, limit: 10 });
    expect(rows.map((r) => r.id)).toEqual(['O1000', 'O1001', 'O1002']);
    const tries = partnerCentral.commandCalls(GetOpportunityCommand, { Identifier: 'O1001' });
    expect(tries).toHaveLength(3);
    // random() = 0.5 of a 500 ms, then 1000 ms cap.
    expect(clock.sleeps.filter((ms) => ms > 100)).toEqual([250, 500]);
  });

  it('lets any other error through at once', async () => {
    const { failures } = serve(opportunities(3), clock);
    failures.set('O1001', [
      new AccessDeniedException({ message: 'not allowed', $metadata: {}, Reason: undefined }),
    ]);
    await expect(
      connector(clock).readPage(opportunityTable, { order, limit: 10 }),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(
      partnerCentral.commandCalls(GetOpportunityCommand, { Identifier: 'O1001' }),
    ).toHaveLength(1);
  });

  it('lists keys without the date filter, and solutions through ListSolutions', async () => {
    serve(opportunities(3), clock);
    partnerCentral.on(ListSolutionsCommand).resolves({
      $metadata: {},
      SolutionSummaries: [
        {
          Catalog: 'Sandbox',
          Id: 'S-0000001',
          Name: 'Data Lake',
          Status: 'Active',
          Category: 'Software Product',
          CreatedDate: new Date('2024-05-02T10:00:00Z'),
        },
      ],
    });
    const source = connector(clock);
    const tables = Object.values(RAW_TABLES).filter((t) => t.source === 'apn');
    expect(await source.availableTables(tables)).toEqual(tables);

    expect(await source.readKeys(opportunityTable)).toEqual(['O1000', 'O1001', 'O1002']);
    const [list] = partnerCentral
      .commandCalls(ListOpportunitiesCommand)
      .map((c) => c.args[0].input);
    expect(list).not.toHaveProperty('LastModifiedDate');
    expect(await source.readKeys(RAW_TABLES.apn_opportunity_team_member)).toEqual([
      'O1000:0',
      'O1001:0',
      'O1002:0',
    ]);
    const solutions = await source.readPage(RAW_TABLES.apn_solution, {
      order: RAW_TABLES.apn_solution.cursor as string[],
      from: '2030-01-01T00:00:00Z',
      limit: 10,
    });
    expect(solutions).toEqual([
      expect.objectContaining({
        id: 'S-0000001',
        name: 'Data Lake',
        created_date: '2024-05-02T10:00:00Z',
        last_modified_date: '2024-05-02T10:00:00Z',
      }),
    ]);
    expect(await source.readKeys(RAW_TABLES.apn_solution)).toEqual(['S-0000001']);
  });

  it('describes itself without credentials', () => {
    const source = new PartnerCentralConnector({
      catalog: 'AWS',
      client: new PartnerCentralSellingClient({
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'very-secret' },
      }),
    });
    expect(source.description).toBe('partner-central-api catalog AWS region us-east-1');
  });
});
