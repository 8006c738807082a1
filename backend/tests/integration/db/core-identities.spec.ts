import { INestApplication } from '@nestjs/common';
import { JobRunsService } from '@revops/core';
import { IdentityService, TransformationModule } from '@revops/transformation';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../fixtures/test-app';
import { describeWithDatabase, useTestDatabase } from '../../fixtures/test-database';

const NO_CHANGES = { inserted: 0, updated: 0, deleted: 0 };

/** A few CORE rows written directly: the identity SQL on this database (PGlite too). */
describeWithDatabase('core identities from CORE opportunities', () => {
  useTestDatabase();
  let app: INestApplication;
  let db: DataSource;

  const rebuild = () =>
    app.get(JobRunsService).track('test:identities', 'test', async (jobRunId) => ({
      awsAccounts: await app.get(IdentityService).transformAwsAccounts(jobRunId),
      companies: await app.get(IdentityService).transformCompanies(jobRunId),
    }));

  beforeAll(async () => {
    app = await createTestApp([TransformationModule]);
    db = app.get(DataSource);
    await db.query(`
      INSERT INTO core.odoo_opportunities
        (odoo_id, name, customer_name, customer_name_normalized, customer_domain, country_code,
         source_write_date, source_hash)
      VALUES (1, 'ERP', 'Acme Health Inc.', 'acme health', 'acme.com', 'US', '2025-03-01', 'h'),
             (2, 'CRM', 'Acme Health Inc.', 'acme health', NULL, 'US', '2025-03-02', 'h'),
             (3, 'DWH', 'Globex GmbH', 'globex', 'globex.de', 'DE', '2025-03-03', 'h')`);
    await db.query(`
      INSERT INTO core.ace_opportunities
        (ace_id, customer_company_name, customer_name_normalized, customer_domain,
         aws_account_id, source_last_modified, source_hash)
      VALUES ('O1', 'ACME HEALTH', 'acme health', NULL, '111111111111', '2025-04-01T10:00:00Z', 'h'),
             ('O2', 'Acme Helth', 'acme helth', NULL, '111111111111', '2025-05-01T10:00:00Z', 'h'),
             ('O3', 'Globex', 'globex', 'globex.de', '22222222222', '2025-04-02T10:00:00Z', 'h'),
             ('O4', NULL, NULL, NULL, NULL, '2025-04-03T10:00:00Z', 'h')`);
    await db.query(`
      INSERT INTO raw.apn_opportunity (id, catalog, created_date, last_modified_date, _row_hash)
      VALUES ('O1', 'AWS', '2025-01-15T10:00:00Z', '2025-04-01T10:00:00Z', 'r'),
             ('O2', 'AWS', '2025-02-15T10:00:00Z', '2025-05-01T10:00:00Z', 'r')`);
    await db.query(`
      INSERT INTO raw.apn_aws_account
        (aws_account_id, company_name, website_url, created_date, last_modified_date, _row_hash)
      VALUES ('111111111111', 'Acme Health', 'https://www.acme.com', '2025-01-10T00:00:00Z',
              '2025-01-20T00:00:00Z', 'r'),
             ('333333333333', 'Initech LLC', 'initech.io', '2024-06-01T00:00:00Z',
              '2024-06-02T00:00:00Z', 'r')`);
  });
  afterAll(() => app?.close());

  it('builds the companies and links every opportunity that names its customer', async () => {
    const first = await rebuild();
    expect(first.companies).toMatchObject({ inserted: 2, links: { inserted: 6 } });
    const links = await db.query(`
      SELECT l.source, l.source_id, c.company_key FROM core.company_opportunities l
        JOIN core.companies c ON c.id = l.company_id ORDER BY 1, 2`);
    expect(links.map((l: Record<string, string>) => Object.values(l).join(' '))).toEqual([
      'ace O1 domain:acme.com', // by name, to the one domain `acme health` is seen with
      'ace O2 domain:acme.com', // a typo'd name, tied by its AWS account
      'ace O3 domain:globex.de',
      'odoo 1 domain:acme.com',
      'odoo 2 domain:acme.com',
      'odoo 3 domain:globex.de',
    ]);
    const [acme] = await db.query(
      `SELECT display_name, country_code, odoo_opportunities, ace_opportunities, aws_account_ids
         FROM core.companies WHERE company_key = 'domain:acme.com'`,
    );
    expect(acme).toEqual({
      display_name: 'Acme Health Inc.',
      country_code: 'US',
      odoo_opportunities: 2,
      ace_opportunities: 2,
      aws_account_ids: ['111111111111'],
    });
  });

  it('builds the AWS accounts: well-formed ids only, dated by their sources', async () => {
    const accounts = await db.query(`
      SELECT aws_account_id, company_name, domain, distinct_companies, sources,
             ace_opportunities, first_seen, last_seen
        FROM core.aws_accounts ORDER BY 1`);
    expect(accounts).toEqual([
      {
        aws_account_id: '111111111111',
        company_name: 'Acme Helth', // one vote each: the latest
        domain: null,
        distinct_companies: 1, // `acme health` and `acme helth`: one company, a typo
        sources: ['ace_opportunity', 'apn_aws_account'],
        ace_opportunities: 2,
        first_seen: new Date('2025-01-10T00:00:00Z'),
        last_seen: new Date('2025-05-01T10:00:00Z'),
      },
      {
        aws_account_id: '333333333333',
        company_name: 'Initech LLC',
        domain: 'initech.io',
        distinct_companies: 1,
        sources: ['apn_aws_account'],
        ace_opportunities: 0,
        first_seen: new Date('2024-06-01T00:00:00Z'),
        last_seen: new Date('2024-06-02T00:00:00Z'),
      },
    ]);
  });

  it('writes nothing when rebuilt without changes', async () => {
    expect(await rebuild()).toMatchObject({
      awsAccounts: NO_CHANGES,
      companies: { ...NO_CHANGES, links: NO_CHANGES },
    });
  });

  it('drops deleted opportunities and what only they named', async () => {
    await db.query(`UPDATE core.odoo_opportunities SET deleted_at = now() WHERE odoo_id = 3`);
    await db.query(`UPDATE core.ace_opportunities SET deleted_at = now() WHERE ace_id = 'O3'`);
    await db.query(`DELETE FROM raw.apn_aws_account WHERE aws_account_id = '333333333333'`);
    const changes = await rebuild();
    expect(changes.companies).toEqual({
      inserted: 0,
      updated: 0,
      deleted: 1,
      links: { inserted: 0, updated: 0, deleted: 2 },
    });
    expect(changes.awsAccounts).toEqual({ inserted: 0, updated: 0, deleted: 1 });
    const keys = await db.query('SELECT company_key FROM core.companies');
    expect(keys).toEqual([{ company_key: 'domain:acme.com' }]);
  });
});
