import { Injectable } from '@nestjs/common';
import { OutboxRepository } from '@revops/core';
import { DataSource, EntityManager } from 'typeorm';
import { CoreAceOpportunityRow, RawApnOpportunity } from './mapping/ace-opportunity.mapper';
import { CoreOdooOpportunityRow, OdooLeadJoined } from './mapping/odoo-opportunity.mapper';

/**
 * A lead joined with everything that names it. `source_hash` covers every joined RAW row
 * and the lead's deletion mark, so renaming a stage or a customer re-transforms the leads
 * that show that name, and a lead deleted at the source is marked deleted in CORE.
 */
const ODOO_JOINED = `
  SELECT l.id, l.name, l.type, l.active, l.partner_id, l.partner_name, l.contact_name,
         l.email_from, l.phone, l.website, l.user_id, l.team_id, l.stage_id, l.city,
         l.expected_revenue::text AS expected_revenue, l.probability,
         l.date_deadline::text AS date_deadline, l.description,
         l.write_date::text AS write_date, l._deleted_at::text AS deleted_at,
         p.name AS partner_display_name, p.email AS partner_email, p.phone AS partner_phone,
         COALESCE(p.website, cp.website) AS partner_website, p.city AS partner_city,
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
  SELECT a.id, a.partner_opportunity_identifier, a.opportunity_type, a.national_security,
         a.customer_company_name, a.customer_website_url, a.customer_aws_account_id,
         a.customer_industry, a.customer_country_code, a.project_title,
         a.project_customer_business_problem, a.project_customer_use_case,
         a.project_expected_customer_spend, a.project_delivery_models,
         a.project_expected_contract_duration_term, a.project_expected_contract_duration_value,
         a.lifecycle_stage, a.lifecycle_review_status,
         a.lifecycle_target_close_date::text AS lifecycle_target_close_date, a.opportunity_team,
         a.last_modified_date::text AS last_modified_date, a._deleted_at::text AS deleted_at,
         md5(concat_ws('|', a._row_hash, a._deleted_at)) AS source_hash
    FROM raw.apn_opportunity a`;

export const OPPORTUNITIES_CHANGED_TOPIC = 'revops.transformation.opportunities-changed';

/** What one batch of transformed opportunities announces (payload v1). */
export interface OpportunitiesChanged {
  source: 'odoo' | 'ace';
  jobRunId: string;
  /** Ids (odoo_id or ace_id) whose CORE row was written, deleted ones included. */
  changed: (number | string)[];
  /** Of those, the ones whose source deleted them. */
  deleted: (number | string)[];
}

@Injectable()
export class TransformationRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
  ) {}

  /** Leads after `afterId` whose RAW inputs changed since they were last transformed. */
  changedOdooLeads(afterId: number, limit: number): Promise<OdooLeadJoined[]> {
    return this.changed(`${ODOO_JOINED} WHERE l.id > $1`, 'odoo_opportunities', 'odoo_id', [
      afterId,
      limit,
    ]);
  }

  changedApnOpportunities(afterId: string, limit: number): Promise<RawApnOpportunity[]> {
    return this.changed(`${APN_SELECTED} WHERE a.id > $1`, 'ace_opportunities', 'ace_id', [
      afterId,
      limit,
    ]);
  }

  /** Rows of `select` (with `id` and `source_hash`) that CORE lacks or holds at another hash. */
  private changed<T>(
    select: string,
    coreTable: string,
    coreKey: string,
    params: [afterId: number | string, limit: number],
  ): Promise<T[]> {
    return this.dataSource.query(
      `SELECT j.* FROM (${select}) j
         LEFT JOIN core.${coreTable} o ON o.${coreKey} = j.id
        WHERE o.${coreKey} IS NULL OR o.source_hash <> j.source_hash
        ORDER BY j.id LIMIT $2`,
      params,
    );
  }

  upsertOdoo(rows: CoreOdooOpportunityRow[], jobRunId: string): Promise<void> {
    return this.upsertAnnounced('odoo', 'odoo_opportunities', 'odoo_id', rows, jobRunId);
  }

  upsertAce(rows: CoreAceOpportunityRow[], jobRunId: string): Promise<void> {
    return this.upsertAnnounced('ace', 'ace_opportunities', 'ace_id', rows, jobRunId);
  }

  /** The batch and the event announcing it, in one transaction. */
  private async upsertAnnounced<K extends string>(
    source: OpportunitiesChanged['source'],
    table: string,
    key: K,
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
    await this.dataSource.transaction(async (manager) => {
      await this.upsert(manager, table, key, rows);
      await this.outbox.append(manager, {
        topic: OPPORTUNITIES_CHANGED_TOPIC,
        key: source,
        payload: { ...event },
      });
    });
  }

  private async upsert(
    manager: EntityManager,
    table: string,
    key: string,
    rows: object[],
  ): Promise<void> {
    const columns = Object.keys(rows[0]);
    const list = columns.join(', ');
    const updates = columns
      .filter((c) => c !== key)
      .map((c) => `${c} = EXCLUDED.${c}`)
      .concat('transformed_at = now()')
      .join(', ');
    await manager.query(
      `INSERT INTO core.${table} (${list})
       SELECT ${list} FROM jsonb_populate_recordset(NULL::core.${table}, $1::jsonb)
       ON CONFLICT (${key}) DO UPDATE SET ${updates}`,
      [JSON.stringify(rows)],
    );
  }
}
