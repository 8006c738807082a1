import { Injectable } from '@nestjs/common';
import { ODOO_ID_PATTERN, OutboxRepository } from '@revops/core';
import { DataSource, EntityManager } from 'typeorm';
import { announce, MatchChange, MatchRow, MatchStatus } from './matches.repository';
import { MatchExplanation } from './scoring/scored-pair';

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

/** A transaction of the review: rows locked in it stay locked until it ends. */
export type ReviewTransaction = EntityManager;

const COLUMNS = `id::text, odoo_id AS "odooId", ace_id AS "aceId", status, probability, score,
  explanation, model_version::int AS "modelVersion", version, job_run_id::text AS "jobRunId",
  decided_by AS "decidedBy", decided_at AS "decidedAt", note, created_at AS "createdAt",
  updated_at AS "updatedAt"`;

/**
 * What analysts and REST clients read and decide, as SQL only (the rules are in
 * ReviewService): the match list, one match with both opportunities, the unmatchable list,
 * and the writes of a decision or a link by hand, each in the caller's transaction.
 */
@Injectable()
export class ReviewRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
  ) {}

  transaction<T>(work: (tx: ReviewTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

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

  /** The live (proposed, auto-linked or approved) match of a pair, if any. */
  async livePair(tx: ReviewTransaction, aceId: string, odooId: string): Promise<MatchRow | null> {
    const rows: MatchRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM matching.opportunity_matches
        WHERE ace_id = $1 AND odoo_id = $2 AND status IN ('proposed', 'auto_linked', 'approved')`,
      [aceId, odooId],
    );
    return rows[0] ?? null;
  }

  /** The two CORE records of a match, as they are now (null when gone from CORE). */
  async records(
    odooId: string,
    aceId: string,
  ): Promise<{ odoo: Record<string, unknown> | null; ace: Record<string, unknown> | null }> {
    const [odoo]: Record<string, unknown>[] = ODOO_ID_PATTERN.test(odooId)
      ? await this.dataSource.query(
          `SELECT odoo_id AS "odooId", name, customer_name AS "customer", customer_domain AS "domain",
                  country_code AS "country", city, postal_code AS "postalCode", street,
                  contact_name AS "contact", email, phone, stage_name AS "stage", is_won AS "won",
                  expected_revenue::float8 AS "expectedRevenue", currency_code AS "currency",
                  to_char(date_deadline, 'YYYY-MM-DD') AS "closeDate",
                  salesperson_name AS "salesperson", description, deleted_at AS "deletedAt"
             FROM core.odoo_opportunities WHERE odoo_id = $1`,
          [Number(odooId)],
        )
      : [];
    const [ace]: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ace_id AS "aceId", title, customer_company_name AS "customer",
              customer_domain AS "domain", aws_account_id AS "awsAccountId",
              country_code AS "country", city, postal_code AS "postalCode", street, duns,
              contact_names AS "contacts", contact_emails AS "contactEmails",
              contact_phones AS "contactPhones", stage,
              expected_monthly_spend::float8 AS "expectedMonthlySpend",
              expected_contract_months AS "expectedContractMonths",
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

  /** The match, locked until the transaction ends (null: no such match). */
  async lock(tx: ReviewTransaction, id: string): Promise<MatchRow | null> {
    const [row]: MatchRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM matching.opportunity_matches WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Serialises links by hand of the same ACE opportunity or Odoo lead until the transaction
   * ends (two analysts linking one opportunity at once: the second sees the first's link).
   */
  async lockPair(tx: ReviewTransaction, aceId: string, odooId: string): Promise<void> {
    for (const key of [`ace:${aceId}`, `odoo:${odooId}`].sort()) {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`revops.match-link:${key}`]); // prettier-ignore
    }
  }

  /** Another live link (auto-linked or approved) of either side, if any. */
  async linkedElsewhere(
    tx: ReviewTransaction,
    pair: { id: string | null; aceId: string; odooId: string },
  ): Promise<{ id: string; aceId: string; odooId: string } | null> {
    const [other]: { id: string; aceId: string; odooId: string }[] = await tx.query(
      `SELECT id::text, ace_id AS "aceId", odoo_id AS "odooId" FROM matching.opportunity_matches
        WHERE ($1::bigint IS NULL OR id <> $1) AND status IN ('auto_linked', 'approved')
          AND (ace_id = $2 OR odoo_id = $3)
        ORDER BY id LIMIT 1`,
      [pair.id, pair.aceId, pair.odooId],
    );
    return other ?? null;
  }

  /** Sets the decision on a locked match; its version goes up. */
  async setDecision(
    tx: ReviewTransaction,
    input: { id: string; to: MatchStatus; actor: string; note: string | null },
  ): Promise<MatchRow> {
    const [decided]: MatchRow[] = await tx.query(
      // In a CTE: TypeORM returns an UPDATE's rows as [rows, count], a SELECT's as rows.
      `WITH decided AS (
         UPDATE matching.opportunity_matches
            SET status = $2, version = version + 1, decided_by = $3, decided_at = now(),
                note = $4, updated_at = now()
          WHERE id = $1 RETURNING *)
       SELECT ${COLUMNS} FROM decided`,
      [input.id, input.to, input.actor, input.note],
    );
    return decided;
  }

  /** A pair linked by hand: a new approved match with its score and explanation. */
  async insertApproved(
    tx: ReviewTransaction,
    input: {
      aceId: string;
      odooId: string;
      probability: number;
      score: number;
      explanation: MatchExplanation;
      actor: string;
      note: string | null;
    },
  ): Promise<MatchRow> {
    const [row]: MatchRow[] = await tx.query(
      `WITH linked AS (
         INSERT INTO matching.opportunity_matches
                (ace_id, odoo_id, status, probability, score, explanation, model_version,
                 decided_by, decided_at, note)
         VALUES ($1, $2, 'approved', $3, $4, $5::jsonb, $6, $7, now(), $8) RETURNING *)
       SELECT ${COLUMNS} FROM linked`,
      [
        input.aceId,
        input.odooId,
        input.probability,
        input.score,
        JSON.stringify(input.explanation),
        input.explanation.modelVersion,
        input.actor,
        input.note,
      ],
    );
    return row;
  }

  /** The decision in ops.audit_log and its change event, in the decision's transaction. */
  async record(
    tx: ReviewTransaction,
    entry: { actor: string; action: string; matchId: string; details: Record<string, unknown> },
    change: MatchChange,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO ops.audit_log (actor, action, entity_type, entity_id, details)
       VALUES ($1, $2, 'match', $3, $4::jsonb)`,
      [entry.actor, entry.action, entry.matchId, JSON.stringify(entry.details)],
    );
    await announce(this.outbox, tx, null, [change]);
  }
}
