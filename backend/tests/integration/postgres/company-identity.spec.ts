import { INestApplication } from '@nestjs/common';
import { JobRunsService } from '@revops/core';
import { IngestionModule, IngestionService } from '@revops/ingestion';
import {
  IdentityService,
  TransformationModule,
  TransformationService,
} from '@revops/transformation';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { useGeneratedSourcesApp } from '../../fixtures/generated-sources-app';
import { TestSources } from '../../fixtures/source-databases';
import { describeWithDatabase } from '../../fixtures/test-database';

/** Live CORE opportunities of both sources with what can tie them to a company. */
const LIVE_OPPORTUNITIES = `
  SELECT 'odoo' AS source, odoo_id::text AS source_id,
         customer_domain IS NOT NULL OR customer_name_normalized IS NOT NULL
           OR customer_partner_id IS NOT NULL AS has_key
    FROM core.odoo_opportunities WHERE deleted_at IS NULL
  UNION ALL
  SELECT 'ace', ace_id,
         customer_domain IS NOT NULL OR customer_name_normalized IS NOT NULL
           OR aws_account_id ~ '^[0-9]{12}$'
    FROM core.ace_opportunities WHERE deleted_at IS NULL`;

/** Per well-formed account id, as RAW dates the records naming it. */
const ACCOUNTS_FROM_SOURCES = `
  WITH refs AS (
    SELECT a.aws_account_id AS id, 'ace_opportunity' AS source, r.created_date AS created,
           r.last_modified_date AS modified
      FROM core.ace_opportunities a JOIN raw.apn_opportunity r ON r.id = a.ace_id
     WHERE a.deleted_at IS NULL
    UNION ALL
    SELECT aws_account_id, 'apn_aws_account', created_date, last_modified_date
      FROM raw.apn_aws_account WHERE _deleted_at IS NULL)
  SELECT id, min(created) AS first_seen, max(modified) AS last_seen,
         array_agg(DISTINCT source ORDER BY source) AS sources
    FROM refs WHERE id ~ '^[0-9]{12}$' GROUP BY id`;

const NO_CHANGES = { inserted: 0, updated: 0, deleted: 0 };

describeWithDatabase(
  'core.aws_accounts and core.companies from generated sources',
  () => {
    const context = useGeneratedSourcesApp([IngestionModule, TransformationModule]);
    let app: INestApplication;
    let client: Client;
    let db: DataSource;
    let identity: IdentityService;
    let sources: TestSources;

    /** Both sources synced in full and transformed (the identities come last); what changed. */
    async function pipeline() {
      const ingestion = app.get(IngestionService);
      await ingestion.syncSource('odoo', 'full');
      await ingestion.syncSource('apn', 'full');
      const { awsAccounts, companies } = await app.get(TransformationService).transformAll('test');
      if (!awsAccounts || !companies) throw new Error('transformAll skipped the identities');
      return { awsAccounts, companies };
    }

    function rebuild() {
      return app.get(JobRunsService).track('test:identities', 'test', async (jobRunId) => ({
        awsAccounts: await identity.transformAwsAccounts(jobRunId),
        companies: await identity.transformCompanies(jobRunId),
      }));
    }

    beforeAll(async () => {
      ({ app, client, sources } = context);
      db = app.get(DataSource);
      identity = app.get(IdentityService);
      await pipeline();
    });

    it('links every live opportunity that names its customer to exactly one company', async () => {
      const unlinked = await db.query(`
        SELECT o.source, o.source_id, o.has_key FROM (${LIVE_OPPORTUNITIES}) o
          LEFT JOIN core.company_opportunities l USING (source, source_id)
         WHERE l.company_id IS NULL`);
      // Only opportunities that name no customer at all (national-security redactions).
      expect(unlinked.filter((o: { has_key: boolean }) => o.has_key)).toEqual([]);
      const [redacted] = await db.query(
        `SELECT count(*)::int AS n FROM core.ace_opportunities
          WHERE deleted_at IS NULL AND customer_company_name IS NULL`,
      );
      expect(unlinked).toHaveLength(redacted.n);
      const [links] = await db.query(`
        SELECT count(*)::int AS links, count(o.source)::int AS live
          FROM core.company_opportunities l
          LEFT JOIN (${LIVE_OPPORTUNITIES}) o USING (source, source_id)`);
      expect(links.links).toBe(links.live);
      expect(links.links).toBeGreaterThan(300);
      // Each company's counts are its links, and none is empty.
      const miscounted = await db.query(`
        SELECT c.company_key FROM core.companies c
          LEFT JOIN core.company_opportunities l ON l.company_id = c.id
         GROUP BY c.id
        HAVING c.odoo_opportunities <> count(*) FILTER (WHERE l.source = 'odoo')
            OR c.ace_opportunities <> count(*) FILTER (WHERE l.source = 'ace')
            OR count(l.source) = 0`);
      expect(miscounted).toEqual([]);
    });

    it('puts opportunities with one domain in one company, keyed by that domain', async () => {
      const split = await db.query(`
        SELECT o.customer_domain FROM (
          SELECT customer_domain, 'odoo' AS source, odoo_id::text AS source_id
            FROM core.odoo_opportunities WHERE deleted_at IS NULL
          UNION ALL
          SELECT customer_domain, 'ace', ace_id FROM core.ace_opportunities WHERE deleted_at IS NULL
        ) o JOIN core.company_opportunities l USING (source, source_id)
         WHERE o.customer_domain IS NOT NULL
         GROUP BY o.customer_domain HAVING count(DISTINCT l.company_id) > 1`);
      expect(split).toEqual([]);
      const [both] = await db.query(
        `SELECT count(*)::int AS n FROM core.companies
          WHERE odoo_opportunities > 0 AND ace_opportunities > 0`,
      );
      expect(both.n).toBeGreaterThan(0);
      const keys = await db.query(
        `SELECT count(*)::int AS n FROM core.companies
          WHERE domain IS NOT NULL AND company_key <> 'domain:' || domain`,
      );
      expect(keys[0].n).toBe(0);
    });

    it('holds every well-formed account ACE names, dated by its sources', async () => {
      const expected: { id: string; first_seen: Date; last_seen: Date; sources: string[] }[] =
        await db.query(ACCOUNTS_FROM_SOURCES);
      const accounts: typeof expected = await db.query(
        'SELECT aws_account_id AS id, first_seen, last_seen, sources FROM core.aws_accounts',
      );
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
      expect(accounts.sort(byId)).toEqual(expected.sort(byId));
      expect(accounts.some((a) => a.sources.includes('ace_opportunity'))).toBe(true);

      const [malformed] = await db.query(
        `SELECT count(*)::int AS n FROM core.ace_opportunities a
          WHERE a.aws_account_id !~ '^[0-9]{12}$'
            AND EXISTS (SELECT 1 FROM core.aws_accounts x WHERE x.aws_account_id = a.aws_account_id)`,
      );
      expect(malformed.n).toBe(0);
      const [planted] = await db.query(
        `SELECT count(*)::int AS n FROM core.ace_opportunities WHERE aws_account_id !~ '^[0-9]{12}$'`,
      );
      expect(planted.n).toBeGreaterThan(0); // the generator's 11-digit id was skipped, not fatal
    });

    it("counts two companies on an account given for another company's deals", async () => {
      const planted = readFileSync(join(sources.out, 'planted_defects.csv'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(','))
        .filter((cells) => cells.at(-1) === 'ace.consistency.aws-account-company')
        .map((cells) => cells[1]);
      expect(planted.length).toBeGreaterThan(0);
      const accounts = await db.query(
        `SELECT x.aws_account_id, x.distinct_companies, x.company_names
           FROM core.ace_opportunities a JOIN core.aws_accounts x USING (aws_account_id)
          WHERE a.ace_id = ANY($1)`,
        [planted],
      );
      expect(accounts.length).toBe(planted.length);
      for (const account of accounts) {
        expect(account.distinct_companies).toBeGreaterThanOrEqual(2);
        expect(account.company_names).toHaveLength(account.distinct_companies);
      }
    });

    it('changes nothing when rebuilt without changes', async () => {
      const again = await rebuild();
      expect(again.awsAccounts).toEqual(NO_CHANGES);
      expect(again.companies).toEqual({ ...NO_CHANGES, links: NO_CHANGES });
    });

    it('drops opportunities deleted at the source, and an account nothing names any more', async () => {
      const [ace] = await db.query(`
        SELECT a.ace_id, a.aws_account_id FROM core.ace_opportunities a
         WHERE a.deleted_at IS NULL AND a.aws_account_id ~ '^[0-9]{12}$'
           AND NOT EXISTS (SELECT 1 FROM core.ace_opportunities b
                            WHERE b.aws_account_id = a.aws_account_id AND b.ace_id <> a.ace_id)
         ORDER BY a.ace_id LIMIT 1`);
      const [odoo] = await db.query(`
        SELECT l.source_id, c.company_key, c.odoo_opportunities FROM core.company_opportunities l
          JOIN core.companies c ON c.id = l.company_id
         WHERE l.source = 'odoo' AND c.odoo_opportunities > 1
         ORDER BY l.source_id LIMIT 1`);
      await client.query('DELETE FROM apn_src.apn_opportunity WHERE id = $1', [ace.ace_id]);
      await client.query('DELETE FROM apn_src.apn_aws_account WHERE aws_account_id = $1', [
        ace.aws_account_id,
      ]);
      await client.query('DELETE FROM odoo_src.crm_lead WHERE id = $1', [Number(odoo.source_id)]);

      const changes = await pipeline();
      expect(changes.awsAccounts.deleted).toBe(1);
      expect(changes.companies.links.deleted).toBe(2);
      const links = await db.query(
        `SELECT source, source_id FROM core.company_opportunities
          WHERE (source, source_id) IN (('ace', $1), ('odoo', $2))`,
        [ace.ace_id, odoo.source_id],
      );
      expect(links).toEqual([]);
      const account = await db.query('SELECT 1 FROM core.aws_accounts WHERE aws_account_id = $1', [
        ace.aws_account_id,
      ]);
      expect(account).toEqual([]);
      const [company] = await db.query(
        'SELECT odoo_opportunities FROM core.companies WHERE company_key = $1',
        [odoo.company_key],
      );
      expect(company.odoo_opportunities).toBe(odoo.odoo_opportunities - 1);
      expect(await rebuild()).toMatchObject({
        awsAccounts: NO_CHANGES,
        companies: { ...NO_CHANGES, links: NO_CHANGES },
      });
    });
  },
  'postgres',
);
