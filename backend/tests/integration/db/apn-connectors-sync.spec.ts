import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetOpportunityCommand,
  ListOpportunitiesCommand,
  ListSolutionsCommand,
  PartnerCentralSellingClient,
} from '@aws-sdk/client-partnercentral-selling';
import { INestApplication } from '@nestjs/common';
import { mockClient } from 'aws-sdk-client-mock';
import { DataSource } from 'typeorm';
import { IngestionModule } from '@revops/ingestion';
import { AceJsonFilesConnector } from '@revops/ingestion/connectors/ace-json-files.connector';
import {
  APN_TABLES,
  ApnTable,
  apnRowsFromOpportunities,
  apnRowsFromOpportunity,
  legacyS3ToGetOpportunity,
} from '@revops/ingestion/connectors/apn-rows';
import { PartnerCentralConnector } from '@revops/ingestion/connectors/partner-central.connector';
import { SourceConnector } from '@revops/ingestion/connectors/source-connector';
import { RAW_TABLES } from '@revops/ingestion/raw/raw-table-spec';
import { SyncRunsRepository } from '@revops/ingestion/runs/sync-runs.repository';
import { SyncEngine, SyncMode, SyncResult } from '@revops/ingestion/sync/sync-engine.service';
import { SAMPLES_DIR, SHARED_DIR } from '../../fixtures/paths';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

type Json = Record<string, unknown>;

const APN_SPECS = Object.values(RAW_TABLES).filter((table) => table.source === 'apn');
const OPPORTUNITY_TABLES = APN_TABLES.filter((table) => table !== 'apn_solution');

/** Rows per APN table that a set of GetOpportunity responses gives. */
function expectedCounts(responses: Json[]): Record<string, number> {
  const rows = apnRowsFromOpportunities(responses);
  return Object.fromEntries(OPPORTUNITY_TABLES.map((table) => [table, rows[table].length]));
}

/** Rows of one opportunity, all tables together. */
const rowsOf = (response: Json): number =>
  OPPORTUNITY_TABLES.reduce(
    (sum, table) => sum + apnRowsFromOpportunity(response)[table as ApnTable].length,
    0,
  );

describeWithDatabase('APN connectors through the sync engine', () => {
  useTestDatabase();
  let app: INestApplication;
  let db: DataSource;
  let dir: string;
  let samples: Json[];
  let legacyDocument: string;

  const sync = async (connector: SourceConnector, mode: SyncMode): Promise<SyncResult> => {
    const runId = await app.get(SyncRunsRepository).start('apn', mode, {});
    try {
      return await app.get(SyncEngine).run(connector, APN_SPECS, runId, {
        mode,
        onProgress: () => {},
      });
    } finally {
      await connector.close();
    }
  };

  const liveCounts = async (): Promise<Record<string, number>> => {
    const counts: Record<string, number> = {};
    for (const table of OPPORTUNITY_TABLES) {
      const [row] = await db.query(
        `SELECT count(*)::int AS n FROM raw.${table} WHERE _deleted_at IS NULL`,
      );
      counts[table] = row.n;
    }
    return counts;
  };

  /** The samples over three files (an array, an array, one response alone) + the legacy file. */
  const writeExport = async (opportunities: Json[]): Promise<void> => {
    await writeFile(join(dir, 'a-first.json'), JSON.stringify(opportunities.slice(0, 70)));
    await writeFile(join(dir, 'b-second.json'), JSON.stringify(opportunities.slice(70, -1)));
    await writeFile(join(dir, 'c-single.json'), JSON.stringify(opportunities.at(-1)));
    await writeFile(join(dir, 'legacy-s3.json'), legacyDocument);
  };

  // The one with a contact and an AWS account goes; another is edited later.
  const removed = (): Json =>
    samples.find(
      (s) =>
        ((s.Customer as Json).Contacts as unknown[]).length > 0 &&
        /^\d{12}$/.test(String(((s.Customer as Json).Account as Json).AwsAccountId)),
    ) as Json;
  const edited = (): Json => samples.find((s) => s !== removed() && s.Id !== samples[0].Id)!;

  beforeAll(async () => {
    samples = JSON.parse(await readFile(join(SAMPLES_DIR, 'ace/opportunities.json'), 'utf8'));
    legacyDocument = await readFile(
      join(SHARED_DIR, 'fixtures/ace/Opportunity-Outbound-Sample.json'),
      'utf8',
    );
    dir = await mkdtemp(join(tmpdir(), 'ace-export-'));
    Object.assign(process.env, { SYNC_BATCH_SIZE: '40' });
    app = await createTestApp([IngestionModule]);
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const legacy = (): Json =>
    legacyS3ToGetOpportunity((JSON.parse(legacyDocument).opportunities as Json[])[0]);

  it('loads ACE export files in full: every APN table, row for row', async () => {
    expect(samples).toHaveLength(150);
    await writeExport(samples);
    const result = await sync(new AceJsonFilesConnector(dir), 'full');

    const expected = expectedCounts([...samples, legacy()]);
    expect(result.missingTables).toEqual(['apn_solution']);
    // Every field is loaded somewhere RAW expects it, the legacy ones kept on purpose.
    expect(result.drift).toEqual({});
    expect(result.counts).toMatchObject({ quarantined: 0, deleted: 0, updated: 0 });
    expect(result.counts.inserted).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    expect(await liveCounts()).toEqual(expected);
    expect(expected.apn_customer_contact).toBeGreaterThan(0);
    expect(expected.apn_aws_account).toBeGreaterThan(0);
    expect(expected.apn_opportunity_related_entity).toBeGreaterThan(0);
    const [opportunity] = await db.query(
      `SELECT customer_country_code, _extra FROM raw.apn_opportunity WHERE id = 'OXXXXXX'`,
    );
    expect(opportunity.customer_country_code).toBe('US');
    expect(opportunity._extra.LegacyS3Fields).toMatchObject({ engagementScore: 'High' });
  });

  it('marks a removed opportunity and its children deleted, and updates an edited one', async () => {
    const gone = removed();
    const changed: Json = {
      ...edited(),
      LastModifiedDate: '2027-01-01T00:00:00Z',
      Project: { ...(edited().Project as Json), Title: 'Edited in Partner Central' },
    };
    // Longer than ACE documents (255): RAW keeps what the source sent; validation judges it.
    const longUrl = `https://www.${'a'.repeat(290)}.example.com`;
    const customer = changed.Customer as Json;
    changed.Customer = {
      ...customer,
      Account: { ...(customer.Account as Json), WebsiteUrl: longUrl },
    };
    await writeExport(
      samples.filter((s) => s !== gone).map((s) => (s.Id === changed.Id ? changed : s)),
    );

    const result = await sync(new AceJsonFilesConnector(dir), 'incremental');
    expect(result.counts).toMatchObject({
      deleted: rowsOf(gone),
      updated: rowsOf(changed),
      inserted: 0,
      quarantined: 0,
    });
    const [opportunity] = await db.query(
      `SELECT project_title, customer_website_url FROM raw.apn_opportunity WHERE id = $1`,
      [changed.Id],
    );
    expect(opportunity).toEqual({
      project_title: 'Edited in Partner Central',
      customer_website_url: longUrl,
    });
    const stillLive = await db.query(
      `SELECT 'opportunity' FROM raw.apn_opportunity WHERE id = $1 AND _deleted_at IS NULL
       UNION ALL SELECT 'contact' FROM raw.apn_customer_contact
        WHERE opportunity_id = $1 AND _deleted_at IS NULL
       UNION ALL SELECT 'team' FROM raw.apn_opportunity_team_member
        WHERE opportunity_id = $1 AND _deleted_at IS NULL`,
      [gone.Id],
    );
    expect(stillLive).toEqual([]);
  });

  it('fails the run, naming the file, when an export is not JSON', async () => {
    await writeFile(join(dir, 'd-broken.json'), '{"Id": "O1",');
    await expect(sync(new AceJsonFilesConnector(dir), 'incremental')).rejects.toThrow(
      /d-broken\.json: not valid JSON/,
    );
    await rm(join(dir, 'd-broken.json'));
  });

  it('reads the same opportunities from the Partner Central API to the same rows', async () => {
    const api = mockClient(PartnerCentralSellingClient);
    const byId = new Map(samples.map((s) => [s.Id, s]));
    api.on(ListOpportunitiesCommand).callsFake((input) => {
      const sorted = [...samples].sort((a, b) =>
        String(a.LastModifiedDate).localeCompare(String(b.LastModifiedDate)),
      );
      const offset = Number(input.NextToken ?? 0);
      return {
        $metadata: {},
        OpportunitySummaries: sorted.slice(offset, offset + 100).map((s) => ({
          Catalog: s.Catalog,
          Id: s.Id,
          LastModifiedDate: new Date(String(s.LastModifiedDate)),
        })),
        NextToken: offset + 100 < sorted.length ? String(offset + 100) : undefined,
      };
    });
    api.on(ListSolutionsCommand).resolves({ $metadata: {}, SolutionSummaries: [] });
    api.on(GetOpportunityCommand).callsFake((input) => {
      const record = byId.get(input.Identifier) as Json;
      return {
        ...record,
        $metadata: { requestId: 'r' },
        CreatedDate: new Date(String(record.CreatedDate)),
        LastModifiedDate: new Date(String(record.LastModifiedDate)),
      };
    });
    const clock = { now: 0 };
    const connector = new PartnerCentralConnector({
      catalog: 'AWS',
      client: new PartnerCentralSellingClient({ region: 'us-east-1' }),
      now: () => clock.now,
      sleep: async (ms) => {
        clock.now += ms;
      },
    });
    const result = await sync(connector, 'full');
    const gets = api.commandCalls(GetOpportunityCommand).length;
    api.restore();

    // Back to the samples: the removed one returns, the edit is undone, the legacy one goes.
    expect(result.counts).toMatchObject({
      quarantined: 0,
      inserted: 0,
      updated: rowsOf(removed()) + rowsOf(edited()),
      deleted: rowsOf(legacy()),
    });
    expect(await liveCounts()).toEqual(expectedCounts(samples));
    expect(result.missingTables).toEqual([]);
    expect(result.drift).toEqual({});
    // Every table served from one fetch of each opportunity.
    expect(gets).toBe(150);
  });
});
