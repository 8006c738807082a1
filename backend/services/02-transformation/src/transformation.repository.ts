import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, OutboxRepository, QuarantineRepository, TOPICS } from '@revops/core';
import type { Database } from '@revops/core';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client, CustomTypesConfig, PoolClient, types } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, EntityManager } from 'typeorm';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { CoreAceOpportunityRow, RawApnOpportunity } from './mapping/ace-opportunity.mapper';
import { copyText } from './mapping/copy-text';
import { CoreOdooOpportunityRow, OdooLeadJoined } from './mapping/odoo-opportunity.mapper';

/**
 * A lead joined with everything that names it. `source_hash` covers every joined RAW row
 * and the lead's deletion mark, so renaming a stage or a customer re-transforms the leads
 * that show that name, and a lead deleted at the source is marked deleted in CORE.
 */
export const ODOO_JOINED = `
  SELECT l.id, l.name, l.type, l.active, l.partner_id, l.partner_name, l.contact_name,
         l.email_from, l.phone, l.website, l.user_id, l.team_id, l.stage_id, l.street, l.zip, l.city,
         l.expected_revenue::text AS expected_revenue, l.probability,
         l.date_deadline::text AS date_deadline, l.description,
         l.write_date::text AS write_date, l._deleted_at::text AS deleted_at,
         p.name AS partner_display_name, p.email AS partner_email, p.phone AS partner_phone,
         COALESCE(p.website, cp.website) AS partner_website,
         p.street AS partner_street, p.zip AS partner_zip, p.city AS partner_city,
         cp.name AS commercial_name, cp.id AS commercial_partner_id,
         up.name AS salesperson_name, u.login AS salesperson_login,
         t.name AS team_name, s.name AS stage_name, s.is_won AS stage_is_won,
         c.code AS country_code, c.name AS country_name,
         st.code AS state_code, st.name AS state_name, lr.name AS lost_reason_name,
         co.name AS company_name, cur.name AS currency_code, tg.names AS tag_names,
         md5(concat_ws('|', l._row_hash, l._deleted_at, p._row_hash, cp._row_hash, u._row_hash,
                       up._row_hash, t._row_hash, s._row_hash, c._row_hash, st._row_hash,
                       lr._row_hash, co._row_hash, cur._row_hash, tg.hash)) AS source_hash
    FROM raw.odoo_crm_lead l
    LEFT JOIN raw.odoo_res_partner p ON p.id = l.partner_id
    LEFT JOIN raw.odoo_res_partner cp ON cp.id = p.commercial_partner_id
    LEFT JOIN raw.odoo_res_users u ON u.id = l.user_id
    LEFT JOIN raw.odoo_res_partner up ON up.id = u.partner_id
    LEFT JOIN raw.odoo_crm_team t ON t.id = l.team_id
    LEFT JOIN raw.odoo_crm_stage s ON s.id = l.stage_id
    LEFT JOIN raw.odoo_res_country c ON c.id = COALESCE(l.country_id, p.country_id)
    LEFT JOIN raw.odoo_res_country_state st ON st.id = COALESCE(l.state_id, p.state_id)
    -- Odoo 17 calls it lost_reason_id; older databases, lost_reason.
    LEFT JOIN raw.odoo_crm_lost_reason lr ON lr.id = COALESCE(l.lost_reason_id, l.lost_reason)
    LEFT JOIN raw.odoo_res_company co ON co.id = l.company_id
    -- A lead's amounts are in its company's currency.
    LEFT JOIN raw.odoo_res_currency cur ON cur.id = co.currency_id
    LEFT JOIN LATERAL (
      SELECT array_agg(tag.name ORDER BY tag.id) AS names,
             md5(string_agg(r._row_hash || tag._row_hash, '|' ORDER BY tag.id)) AS hash
        FROM raw.odoo_crm_tag_rel r JOIN raw.odoo_crm_tag tag ON tag.id = r.tag_id
       WHERE r.lead_id = l.id AND r._deleted_at IS NULL AND tag._deleted_at IS NULL
    ) tg ON true`;

const APN_SELECTED = `
  SELECT a.id, a.partner_opportunity_identifier, a.opportunity_type, a.origin, a.national_security,
         a.customer_company_name, a.customer_website_url, a.customer_aws_account_id,
         a.customer_industry, a.customer_country_code, a.customer_state_or_region,
         a.customer_city, a.customer_postal_code, a.customer_street_address, a.customer_duns,
         a.customer_contacts, a.project_title,
         a.project_customer_business_problem, a.project_customer_use_case,
         a.project_expected_customer_spend, a.project_delivery_models,
         a.project_expected_contract_duration_term, a.project_expected_contract_duration_value,
         a.lifecycle_stage, a.lifecycle_review_status,
         a.lifecycle_target_close_date::text AS lifecycle_target_close_date, a.opportunity_team,
         a.last_modified_date::text AS last_modified_date, a._deleted_at::text AS deleted_at,
         md5(concat_ws('|', a._row_hash, a._deleted_at)) AS source_hash
    FROM raw.apn_opportunity a`;

/** What one batch of transformed opportunities announces (payload v1). */
export interface OpportunitiesChanged {
  source: 'odoo' | 'ace';
  jobRunId: string;
  /** Ids (odoo_id or ace_id) whose CORE row was written, deleted ones included. */
  changed: (number | string)[];
  /** Of those, the ones whose source deleted them. */
  deleted: (number | string)[];
}

/**
 * Rows of `select` (with `id` and `source_hash`) that CORE lacks or holds at another hash,
 * except those the transform quarantined with this very input: they wait for it to change.
 */
const changedRows = (
  select: string,
  coreTable: string,
  coreKey: string,
  rawTable: string,
): string => `
  SELECT j.* FROM (${select}) j
    LEFT JOIN core.${coreTable} o ON o.${coreKey} = j.id
   WHERE (o.${coreKey} IS NULL OR o.source_hash <> j.source_hash)
     AND NOT EXISTS (
       SELECT 1 FROM ops.quarantine q
        WHERE q.stage = 'transform' AND q.source_table = '${rawTable}' AND q.resolved_at IS NULL
          AND q.source_key = j.id::text AND q.input_hash = j.source_hash)`;

@Injectable()
export class TransformationRepository {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE) private readonly database: Database,
    private readonly outbox: OutboxRepository,
    private readonly quarantine: QuarantineRepository,
  ) {}

  /** Leads whose RAW inputs changed since they were last transformed, in no set order. */
  changedOdooLeads(batchSize: number): AsyncGenerator<OdooLeadJoined[]> {
    return this.inBatches(
      changedRows(ODOO_JOINED, 'odoo_opportunities', 'odoo_id', 'odoo_crm_lead'),
      batchSize,
    );
  }

  changedApnOpportunities(batchSize: number): AsyncGenerator<RawApnOpportunity[]> {
    return this.inBatches(
      changedRows(APN_SELECTED, 'ace_opportunities', 'ace_id', 'apn_opportunity'),
      batchSize,
    );
  }

  /**
   * The rows of one query run once, through a cursor, `batchSize` at a time: the whole join
   * is planned and executed once (hash joins over every table) instead of once per page.
   * On PostgreSQL the cursor lives in a read-only transaction on a connection of its own,
   * outside the pool, so the writes never wait for it and it never waits for the pool.
   * PGlite has one connection: there the cursor is WITH HOLD, materialised when declared,
   * and fetched between the writes.
   */
  private async *inBatches<T>(sql: string, batchSize: number): AsyncGenerator<T[]> {
    if (this.database.kind === 'pglite') {
      await this.dataSource.query(
        `DECLARE transform_changed NO SCROLL CURSOR WITH HOLD FOR ${sql}`,
      );
      try {
        yield* this.fetchAll<T>((fetch) => this.dataSource.query(fetch), batchSize);
      } finally {
        await this.dataSource.query('CLOSE transform_changed');
      }
      return;
    }
    const options = this.dataSource.options as PostgresConnectionOptions;
    const reader = new Client({
      connectionString: options.url,
      application_name: options.applicationName,
      types: jsonParsedOnce(),
    });
    // A lost connection fails the FETCH in progress; the event itself needs no handling.
    reader.on('error', () => undefined);
    await reader.connect();
    try {
      // JIT would spend seconds compiling this many joins to save a fraction of that; a
      // cursor is planned for its first rows unless told it will be read to the end.
      await reader.query(
        `BEGIN READ ONLY; SET LOCAL jit = off; SET LOCAL cursor_tuple_fraction = 1;
         DECLARE transform_changed NO SCROLL CURSOR FOR ${sql}`,
      );
      yield* this.fetchAll<T>(async (fetch) => (await reader.query(fetch)).rows, batchSize);
    } finally {
      await reader.end(); // read only: nothing to commit
    }
  }

  private async *fetchAll<T>(
    query: (sql: string) => Promise<T[]>,
    batchSize: number,
  ): AsyncGenerator<T[]> {
    for (;;) {
      const rows = await query(`FETCH ${batchSize} FROM transform_changed`);
      if (rows.length === 0) return;
      yield rows;
    }
  }

  upsertOdoo(rows: CoreOdooOpportunityRow[], jobRunId: string): Promise<void> {
    return this.upsertAnnounced('odoo', 'odoo_opportunities', 'odoo_id', 'odoo_crm_lead', rows, jobRunId); // prettier-ignore
  }

  upsertAce(rows: CoreAceOpportunityRow[], jobRunId: string): Promise<void> {
    return this.upsertAnnounced('ace', 'ace_opportunities', 'ace_id', 'apn_opportunity', rows, jobRunId); // prettier-ignore
  }

  /** The batch and the event announcing it, in one transaction. */
  private async upsertAnnounced<K extends string>(
    source: OpportunitiesChanged['source'],
    table: string,
    key: K,
    rawTable: string,
    rows: (Record<K, number | string> & { deleted_at: string | null })[],
    jobRunId: string,
  ): Promise<void> {
    if (rows.length === 0) return;
    const event: OpportunitiesChanged = {
      source,
      jobRunId,
      changed: rows.map((row) => row[key]),
      deleted: rows.filter((row) => row.deleted_at !== null).map((row) => row[key]),
    };
    // Serialised before the transaction opens, so that work overlaps the previous write.
    const write =
      this.database.kind === 'postgres'
        ? copyWrite(table, key, rows, event.changed)
        : jsonWrite(table, key, rows);
    await this.dataSource.transaction(async (manager) => {
      // A crash may lose the last batches, their events with them; their CORE rows keep
      // the old hash, so the next run transforms them again. The job run's final record
      // commits normally, which flushes every batch before it.
      await manager.query('SET LOCAL synchronous_commit = off');
      await write(manager);
      // A row quarantined by an earlier transform, transformed now: no longer set aside.
      await this.quarantine.resolve('transform', rawTable, event.changed.map(String), manager);
      await this.outbox.append(manager, {
        topic: TOPICS.opportunitiesChanged,
        key: source,
        payload: { ...event },
      });
    });
  }
}

/**
 * Type parsers for the reader: a jsonb value (a translated name, a lead's tag names) is
 * parsed once per distinct text and shared by every row that shows it, as the mapping only
 * reads it. Every other type parses as usual.
 */
function jsonParsedOnce(): CustomTypesConfig {
  const parsed = new Map<string, unknown>();
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      const parse = types.getTypeParser(oid, format);
      if (format === 'binary' || (oid !== JSONB_OID && oid !== JSONB_ARRAY_OID)) return parse;
      return (text: string) => {
        if (!parsed.has(text)) parsed.set(text, parse(text));
        return parsed.get(text);
      };
    }) as CustomTypesConfig['getTypeParser'],
  };
}

const JSONB_OID = 3802;
const JSONB_ARRAY_OID = 3807;

type Write = (manager: EntityManager) => Promise<void>;

/** `INSERT … SELECT … FROM <from> ON CONFLICT (key) DO UPDATE` of every column. */
function upsertFrom(table: string, key: string, columns: string[], from: string): string {
  const list = columns.join(', ');
  const updates = columns
    .filter((c) => c !== key)
    .map((c) => `${c} = EXCLUDED.${c}`)
    .concat('transformed_at = now()')
    .join(', ');
  return `INSERT INTO core.${table} (${list}) SELECT ${list} FROM ${from}
          ON CONFLICT (${key}) DO UPDATE SET ${updates}`;
}

/**
 * PostgreSQL: COPY, which it parses several times faster than JSON. Rows CORE has none of
 * (a first transform, new leads) go straight in; others through a staging table per
 * session, emptied by every commit.
 */
function copyWrite(
  table: string,
  key: string,
  rows: Record<string, unknown>[],
  keys: (number | string)[],
): Write {
  const columns = Object.keys(rows[0]);
  const text = Buffer.from(copyText(rows, columns));
  const stage = `transform_stage_${table}`;
  const copy = async (manager: EntityManager, target: string): Promise<void> => {
    const client = (await manager.queryRunner!.connect()) as PoolClient;
    await pipeline(
      Readable.from([text]),
      client.query(copyFrom(`COPY ${target} (${columns.join(', ')}) FROM STDIN`)),
    );
  };
  return async (manager) => {
    const [{ held }]: { held: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM core.${table} WHERE ${key} = ANY ($1)) AS held`,
      [keys],
    );
    if (!held) return copy(manager, `core.${table}`);
    // Quiet: "already exists" is the usual case.
    await manager.query(
      `SET LOCAL client_min_messages = warning;
       CREATE TEMP TABLE IF NOT EXISTS ${stage} (LIKE core.${table} INCLUDING DEFAULTS)
         ON COMMIT DELETE ROWS`,
    );
    await copy(manager, `pg_temp.${stage}`);
    await manager.query(upsertFrom(table, key, columns, `pg_temp.${stage}`));
  };
}

/** PGlite: its driver has no COPY, so the rows travel as one JSON document. */
function jsonWrite(table: string, key: string, rows: Record<string, unknown>[]): Write {
  const columns = Object.keys(rows[0]);
  const json = JSON.stringify(rows);
  const from = `json_populate_recordset(NULL::core.${table}, $1::json)`;
  return async (manager) => {
    await manager.query(upsertFrom(table, key, columns, from), [json]);
  };
}
