import { Injectable } from '@nestjs/common';
import { DomainException, OutboxRepository } from '@revops/core';
import { DataSource } from 'typeorm';
import { announce, MatchRow, MatchStatus } from './matches.repository';

export interface MatchFilters {
  status?: MatchStatus[];
  minProbability?: number;
  maxProbability?: number;
  aceId?: string;
  odooId?: string;
  /** Matches with an id below this (the previous page's last id). */
  before?: string;
  limit: number;
}

const COLUMNS = `id::text, odoo_id AS "odooId", ace_id AS "aceId", status, probability, score,
  explanation, version, job_run_id::text AS "jobRunId", decided_by AS "decidedBy",
  decided_at AS "decidedAt", note, created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * What analysts and REST clients read and decide: the match list, one match with both
 * opportunities, the unmatchable list, and approve/reject with optimistic locking.
 */
@Injectable()
export class ReviewRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
  ) {}

  async unmatchable(): Promise<
    { source: string; sourceId: string; reason: string; since: string }[]
  > {
    return this.dataSource.query(
      `SELECT source, source_id AS "sourceId", reason, since FROM matching.unmatchable_opportunities
        ORDER BY source, source_id`,
    );
  }

  /** Newest first. (`m.id`: a bare `id` in ORDER BY would be the text output column.) */
  async list(filters: MatchFilters): Promise<MatchRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM matching.opportunity_matches m
        WHERE ($1::text[] IS NULL OR status = ANY ($1))
          AND ($2::float8 IS NULL OR probability >= $2)
          AND ($3::float8 IS NULL OR probability <= $3)
          AND ($4::text IS NULL OR ace_id = $4)
          AND ($5::text IS NULL OR odoo_id = $5)
          AND ($6::bigint IS NULL OR m.id < $6)
        ORDER BY m.id DESC LIMIT $7`,
      [
        filters.status ?? null,
        filters.minProbability ?? null,
        filters.maxProbability ?? null,
        filters.aceId ?? null,
        filters.odooId ?? null,
        filters.before ?? null,
        filters.limit,
      ],
    );
  }

  async find(id: string): Promise<MatchRow | null> {
    const rows: MatchRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM matching.opportunity_matches WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The two CORE records of a match, as they are now (null when gone from CORE). */
  async records(
    odooId: string,
    aceId: string,
  ): Promise<{ odoo: Record<string, unknown> | null; ace: Record<string, unknown> | null }> {
    const [odoo]: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT odoo_id AS "odooId", name, customer_name AS "customer", customer_domain AS "domain",
              country_code AS "country", stage_name AS "stage", is_won AS "won",
              expected_revenue::float8 AS "expectedRevenue", currency_code AS "currency",
              to_char(date_deadline, 'YYYY-MM-DD') AS "closeDate",
              salesperson_name AS "salesperson", description, deleted_at AS "deletedAt"
         FROM core.odoo_opportunities WHERE odoo_id = $1`,
      [Number(odooId)],
    );
    const [ace]: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ace_id AS "aceId", title, customer_company_name AS "customer",
              customer_domain AS "domain", aws_account_id AS "awsAccountId",
              country_code AS "country", stage,
              expected_monthly_spend::float8 AS "expectedMonthlySpend",
              expected_total_spend::float8 AS "expectedTotalSpend", spend_currency AS "currency",
              to_char(target_close_date, 'YYYY-MM-DD') AS "closeDate",
              partner_opportunity_identifier AS "partnerOpportunityIdentifier",
              business_problem AS "businessProblem", is_national_security AS "nationalSecurity",
              deleted_at AS "deletedAt"
         FROM core.ace_opportunities WHERE ace_id = $1`,
      [aceId],
    );
    return { odoo: odoo ?? null, ace: ace ?? null };
  }

  /**
   * An analyst's decision, with optimistic locking: `version` must be the match's current
   * version, else `conflict` (stale). The row is locked while deciding, so of two
   * concurrent decisions on one version exactly one wins. Recorded in ops.audit_log in the
   * same transaction, with the match's change event.
   */
  async decide(input: {
    id: string;
    to: 'approved' | 'rejected';
    version: number;
    note: string | null;
    actor: string;
    allowMultiple: boolean;
  }): Promise<MatchRow> {
    return this.dataSource.transaction(async (m) => {
      const [row]: MatchRow[] = await m.query(
        `SELECT ${COLUMNS} FROM matching.opportunity_matches WHERE id = $1 FOR UPDATE`,
        [input.id],
      );
      if (!row) throw new DomainException('not_found', `No match ${input.id}`, { id: input.id });
      if (row.version !== input.version) {
        throw new DomainException(
          'conflict',
          `Match ${input.id} changed since you read it: it is at version ${row.version} (${row.status}), not ${input.version}; reload it and decide again`,
          { id: input.id, version: row.version, status: row.status },
        );
      }
      const allowedFrom: MatchStatus[] =
        input.to === 'approved' ? ['proposed', 'auto_linked', 'rejected'] : ['proposed', 'auto_linked', 'approved']; // prettier-ignore
      if (!allowedFrom.includes(row.status)) {
        throw new DomainException(
          'conflict',
          `Match ${input.id} is ${row.status}; it cannot become ${input.to}`,
          { id: input.id, status: row.status },
        );
      }
      if (input.to === 'approved' && !input.allowMultiple) {
        const [other]: { id: string; aceId: string; odooId: string }[] = await m.query(
          `SELECT id::text, ace_id AS "aceId", odoo_id AS "odooId" FROM matching.opportunity_matches
            WHERE id <> $1 AND status IN ('auto_linked', 'approved')
              AND (ace_id = $2 OR odoo_id = $3) LIMIT 1`,
          [input.id, row.aceId, row.odooId],
        );
        if (other) {
          throw new DomainException(
            'conflict',
            `ACE ${other.aceId} and Odoo ${other.odooId} are already linked (match ${other.id}); reject that match first, or approve with allowMultiple: true`,
            { id: input.id, linkedMatchId: other.id },
          );
        }
      }
      const [decided]: MatchRow[] = await m.query(
        // In a CTE: TypeORM returns an UPDATE's rows as [rows, count], a SELECT's as rows.
        `WITH decided AS (
           UPDATE matching.opportunity_matches
              SET status = $2, version = version + 1, decided_by = $3, decided_at = now(),
                  note = $4, updated_at = now()
            WHERE id = $1 RETURNING *)
         SELECT ${COLUMNS} FROM decided`,
        [input.id, input.to, input.actor, input.note],
      );
      await m.query(
        `INSERT INTO ops.audit_log (actor, action, entity_type, entity_id, details)
         VALUES ($1, $2, 'match', $3, $4::jsonb)`,
        [
          input.actor,
          input.to === 'approved' ? 'match.approve' : 'match.reject',
          input.id,
          JSON.stringify({
            aceId: row.aceId,
            odooId: row.odooId,
            from: row.status,
            to: input.to,
            version: decided.version,
            probability: row.probability,
            note: input.note,
            allowMultiple: input.allowMultiple || undefined,
          }),
        ],
      );
      await announce(this.outbox, m, null, [
        { matchId: row.id, aceId: row.aceId, odooId: row.odooId, status: input.to, previousStatus: row.status }, // prettier-ignore
      ]);
      return decided;
    });
  }
}
