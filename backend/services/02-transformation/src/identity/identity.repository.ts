import { Injectable } from '@nestjs/common';
import { chunk } from '@revops/core';
import { DataSource, EntityManager } from 'typeorm';
import { AwsAccountSummary } from './aws-accounts';
import { CompanyCluster } from './company-clusters';

/** Rows per multi-row statement (one jsonb or unnest parameter each). */
const WRITE_CHUNK = 5000;

/** What a rebuild wrote: unchanged rows are not counted (nor written). */
export interface Changes {
  inserted: number;
  updated: number;
  deleted: number;
}

export interface OpportunityIdentityRow {
  source: 'odoo' | 'ace';
  source_id: string;
  customer_name: string | null;
  customer_name_normalized: string | null;
  customer_domain: string | null;
  aws_account_id: string | null;
  partner_id: number | null;
  country_code: string | null;
  modified_ms: number | null;
}

export interface AwsAccountReferenceRow {
  aws_account_id: string;
  source: 'ace_opportunity' | 'apn_aws_account';
  company_name: string | null;
  /** ACE opportunities: as CORE computed them; APN's account list: null (see website_url). */
  customer_name_normalized: string | null;
  customer_domain: string | null;
  website_url: string | null;
  country_code: string | null;
  created_ms: number | null;
  modified_ms: number | null;
}

const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

/** Live opportunities only: one deleted at its source drops out of every company. */
const OPPORTUNITY_IDENTITIES = `
  SELECT 'odoo' AS source, odoo_id::text AS source_id, customer_name, customer_name_normalized,
         customer_domain, NULL::text AS aws_account_id, customer_partner_id AS partner_id,
         country_code, ${epochMs('source_write_date')} AS modified_ms
    FROM core.odoo_opportunities WHERE deleted_at IS NULL
  UNION ALL
  SELECT 'ace', ace_id, customer_company_name, customer_name_normalized, customer_domain,
         aws_account_id, NULL, country_code, ${epochMs('source_last_modified')}
    FROM core.ace_opportunities WHERE deleted_at IS NULL`;

/**
 * Every record naming a customer AWS account: live CORE ACE opportunities (CORE keeps no
 * creation date, so it comes from their RAW row) and APN's own list of accounts.
 */
const AWS_ACCOUNT_REFERENCES = `
  SELECT a.aws_account_id, 'ace_opportunity' AS source, a.customer_company_name AS company_name,
         a.customer_name_normalized, a.customer_domain, NULL::text AS website_url,
         a.country_code, ${epochMs('r.created_date')} AS created_ms,
         ${epochMs('a.source_last_modified')} AS modified_ms
    FROM core.ace_opportunities a
    LEFT JOIN raw.apn_opportunity r ON r.id = a.ace_id
   WHERE a.deleted_at IS NULL AND a.aws_account_id IS NOT NULL
  UNION ALL
  SELECT aws_account_id, 'apn_aws_account', company_name, NULL, NULL, website_url, country_code,
         ${epochMs('created_date')}, ${epochMs('last_modified_date')}
    FROM raw.apn_aws_account WHERE _deleted_at IS NULL`;

const ACCOUNT_COLUMNS = [
  'company_name',
  'company_name_normalized',
  'domain',
  'country_code',
  'company_names',
  'distinct_companies',
  'sources',
  'ace_opportunities',
  'first_seen',
  'last_seen',
];

const COMPANY_COLUMNS = [
  'display_name',
  'name_normalized',
  'domain',
  'country_code',
  'odoo_opportunities',
  'ace_opportunities',
  'aws_account_ids',
];

/** Reads CORE opportunities and writes the identities derived from them, changes only. */
@Injectable()
export class IdentityRepository {
  constructor(private readonly dataSource: DataSource) {}

  opportunityIdentities(): Promise<OpportunityIdentityRow[]> {
    return this.dataSource.query(OPPORTUNITY_IDENTITIES);
  }

  awsAccountReferences(): Promise<AwsAccountReferenceRow[]> {
    return this.dataSource.query(AWS_ACCOUNT_REFERENCES);
  }

  /** core.aws_accounts becomes `accounts`: one transaction, rows written only if they differ. */
  replaceAwsAccounts(accounts: AwsAccountSummary[], jobRunId: string): Promise<Changes> {
    const rows: Row[] = accounts.map((a) => ({
      aws_account_id: a.awsAccountId,
      company_name: a.companyName,
      company_name_normalized: a.companyNameNormalized,
      domain: a.domain,
      country_code: a.countryCode,
      company_names: a.companyNames,
      distinct_companies: a.distinctCompanies,
      sources: a.sources,
      ace_opportunities: a.aceOpportunities,
      first_seen: a.firstSeen,
      last_seen: a.lastSeen,
    }));
    return this.dataSource.transaction(async (manager) => {
      await lockTable(manager, 'core.aws_accounts');
      const current: Row[] = await manager.query(
        `SELECT aws_account_id, ${ACCOUNT_COLUMNS.join(', ')} FROM core.aws_accounts`,
      );
      const { changed, stale } = diff(rows, current, 'aws_account_id', ACCOUNT_COLUMNS);
      const written = await upsert(manager, ACCOUNTS, changed, jobRunId);
      const deleted = await deleteCounted(
        manager,
        `DELETE FROM core.aws_accounts t USING unnest($1::text[]) k (id)
          WHERE t.aws_account_id = k.id`,
        [stale.map((row) => row.aws_account_id)],
      );
      return { ...written, deleted };
    });
  }

  /**
   * core.companies and core.company_opportunities become `companies` and their members, in
   * one transaction: companies first (a new company gets its id), then the links onto
   * them, then links and companies no longer there.
   */
  replaceCompanies(
    companies: CompanyCluster[],
    jobRunId: string,
  ): Promise<{ companies: Changes; links: Changes }> {
    const rows: Row[] = companies.map((c) => ({
      company_key: c.key,
      display_name: c.displayName,
      name_normalized: c.nameNormalized,
      domain: c.domain,
      country_code: c.countryCode,
      odoo_opportunities: c.odooOpportunities,
      ace_opportunities: c.aceOpportunities,
      aws_account_ids: c.awsAccountIds,
    }));
    const links: Row[] = companies.flatMap((c) =>
      c.members.map((m) => ({
        link: `${m.source}:${m.sourceId}`,
        source: m.source,
        source_id: m.sourceId,
        company_key: c.key,
      })),
    );
    return this.dataSource.transaction(async (manager) => {
      await lockTable(manager, 'core.companies');
      const current: Row[] = await manager.query(
        `SELECT id, company_key, ${COMPANY_COLUMNS.join(', ')} FROM core.companies`,
      );
      const keyOfId = new Map(current.map((row) => [row.id, row.company_key]));
      const currentLinks: Row[] = (
        await manager.query('SELECT source, source_id, company_id FROM core.company_opportunities')
      ).map((l: Row) => ({
        ...l,
        link: `${l.source}:${l.source_id}`,
        company_key: keyOfId.get(l.company_id),
      }));
      const companyDiff = diff(rows, current, 'company_key', COMPANY_COLUMNS);
      const linkDiff = diff(links, currentLinks, 'link', ['company_key']);
      const written = await upsert(manager, COMPANIES, companyDiff.changed, jobRunId);
      const linked = await upsertLinks(manager, linkDiff.changed, jobRunId);
      const unlinked = await deleteCounted(
        manager,
        `DELETE FROM core.company_opportunities t
           USING unnest($1::text[], $2::text[]) k (source, source_id)
          WHERE t.source = k.source AND t.source_id = k.source_id`,
        [linkDiff.stale.map((l) => l.source), linkDiff.stale.map((l) => l.source_id)],
      );
      const gone = await deleteCounted(
        manager,
        `DELETE FROM core.companies t USING unnest($1::text[]) k (key)
          WHERE t.company_key = k.key`,
        [companyDiff.stale.map((row) => row.company_key)],
      );
      return {
        companies: { ...written, deleted: gone },
        links: { ...linked, deleted: unlinked },
      };
    });
  }
}

type Row = Record<string, unknown>;

interface Table {
  name: string;
  key: string;
  columns: string[];
}

const ACCOUNTS: Table = { name: 'aws_accounts', key: 'aws_account_id', columns: ACCOUNT_COLUMNS };
const COMPANIES: Table = { name: 'companies', key: 'company_key', columns: COMPANY_COLUMNS };

/** A row's columns as one comparable string (dates by instant, arrays by content). */
const fingerprint = (row: Row, columns: string[]) =>
  columns.length === 1 && typeof row[columns[0]] === 'string'
    ? row[columns[0]]
    : JSON.stringify(columns.map((c) => (row[c] instanceof Date ? row[c].getTime() : row[c])));

/**
 * The `wanted` rows that `current` lacks or holds with other values, and the `current`
 * rows no longer wanted: a rebuild that changes nothing writes nothing.
 */
function diff(
  wanted: Row[],
  current: Row[],
  key: string,
  columns: string[],
): { changed: Row[]; stale: Row[] } {
  const held = new Map(current.map((row) => [row[key], fingerprint(row, columns)]));
  const keys = new Set(wanted.map((row) => row[key]));
  return {
    changed: wanted.filter((row) => held.get(row[key]) !== fingerprint(row, columns)),
    stale: current.filter((row) => !keys.has(row[key])),
  };
}

/** One rebuild of a table at a time, across processes (a no-op wait on PGlite). */
async function lockTable(manager: EntityManager, table: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [table]);
}

/** Runs a DELETE and says how many rows it removed (as a SELECT, whatever the driver). */
async function deleteCounted(
  manager: EntityManager,
  sql: string,
  params: unknown[],
): Promise<number> {
  const [{ n }] = await manager.query(
    `WITH d AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM d`,
    params,
  );
  return n;
}

/** Multi-row upserts; the WHERE keeps a row that turns out identical from being rewritten. */
async function upsert(
  manager: EntityManager,
  { name, key, columns }: Table,
  rows: Row[],
  jobRunId: string,
): Promise<{ inserted: number; updated: number }> {
  const list = [key, ...columns].join(', ');
  const sets = columns.map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  const before = columns.map((c) => `t.${c}`).join(', ');
  const after = columns.map((c) => `EXCLUDED.${c}`).join(', ');
  const counts = { inserted: 0, updated: 0 };
  for (const batch of chunk(rows, WRITE_CHUNK)) {
    const result: { inserted: boolean }[] = await manager.query(
      `INSERT INTO core.${name} AS t (${list}, job_run_id)
       SELECT ${list}, $2::bigint FROM jsonb_populate_recordset(NULL::core.${name}, $1::jsonb)
       ON CONFLICT (${key}) DO UPDATE
          SET ${sets}, job_run_id = EXCLUDED.job_run_id, transformed_at = now()
        WHERE (${before}) IS DISTINCT FROM (${after})
       RETURNING (xmax = 0) AS inserted`,
      [JSON.stringify(batch), jobRunId],
    );
    count(counts, result);
  }
  return counts;
}

/** Links (source, source_id → company key) onto the companies' ids. */
async function upsertLinks(
  manager: EntityManager,
  links: Row[],
  jobRunId: string,
): Promise<{ inserted: number; updated: number }> {
  const counts = { inserted: 0, updated: 0 };
  for (const batch of chunk(links, WRITE_CHUNK)) {
    const result: { inserted: boolean }[] = await manager.query(
      `INSERT INTO core.company_opportunities AS t (source, source_id, company_id, job_run_id)
       SELECT l.source, l.source_id, c.id, $4::bigint
         FROM unnest($1::text[], $2::text[], $3::text[]) AS l (source, source_id, company_key)
         JOIN core.companies c ON c.company_key = l.company_key
       ON CONFLICT (source, source_id) DO UPDATE
          SET company_id = EXCLUDED.company_id, job_run_id = EXCLUDED.job_run_id,
              transformed_at = now()
        WHERE t.company_id <> EXCLUDED.company_id
       RETURNING (xmax = 0) AS inserted`,
      [
        batch.map((l) => l.source),
        batch.map((l) => l.source_id),
        batch.map((l) => l.company_key),
        jobRunId,
      ],
    );
    count(counts, result);
  }
  return counts;
}

function count(counts: { inserted: number; updated: number }, result: { inserted: boolean }[]) {
  for (const row of result) {
    if (row.inserted) counts.inserted++;
    else counts.updated++;
  }
}
