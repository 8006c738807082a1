import { Injectable } from '@nestjs/common';
import { MATCH_DECIMALS, ODOO_ID_PATTERN, OutboxRepository } from '@revops/core';
import { DataSource, EntityManager } from 'typeorm';
import { announce, MatchChange, MatchRow, MatchStatus } from './matches.repository';
import { containsPattern } from './review/contains-pattern';
import { MatchCountRow, PROBABILITY_BINS } from './review/match-stats';
import { MatchExplanation } from './scoring/scored-pair';

export interface MatchFilters {
  status?: MatchStatus[];
  minProbability?: number;
  maxProbability?: number;
  aceId?: string;
  odooId?: string;
  /** Part of either side's customer name, any case, taken literally. */
  customer?: string;
  /** Matches with an id below this (the previous page's last id). */
  before?: string;
  limit: number;
}

/** One side of a match at a glance, as CORE has it now. */
export interface RecordSummaryRow {
  title: string | null;
  customer: string | null;
  stage: string | null;
  amount: number | null;
  currency: string | null;
  closeDate: string | null;
}

/** A listed match with both of its records at a glance (null: not in CORE). */
export interface MatchListRow extends MatchRow {
  odoo: RecordSummaryRow | null;
  ace: RecordSummaryRow | null;
}

/** A transaction of the review: rows locked in it stay locked until it ends. */
export type ReviewTransaction = EntityManager;

/** A match's columns, of `matching.opportunity_matches m` (qualified: CORE has a `probability`). */
const COLUMNS = `m.id::text, m.odoo_id AS "odooId", m.ace_id AS "aceId", m.status, m.probability,
  m.score, m.explanation, m.model_version::int AS "modelVersion", m.version,
  m.job_run_id::text AS "jobRunId", m.decided_by AS "decidedBy", m.decided_at AS "decidedAt",
  m.note, m.created_at AS "createdAt", m.updated_at AS "updatedAt"`;

/**
 * Both records of each match `m`, as `o` and `a`; the Odoo id is joined only when it is one
 * (ODOO_ID_PATTERN, as the detail route reads it), so no stored text makes the cast fail.
 */
const WITH_RECORDS = `
  LEFT JOIN core.odoo_opportunities o
         ON o.odoo_id = CASE WHEN m.odoo_id ~ '${ODOO_ID_PATTERN.source}' THEN m.odoo_id::int END
  LEFT JOIN core.ace_opportunities a ON a.ace_id = m.ace_id`;

/** The summaries of `o` and `a`: the deal's total amount (ACE: monthly spend × months). */
const SUMMARIES = `
  CASE WHEN o.odoo_id IS NULL THEN NULL ELSE json_build_object(
    'title', o.name, 'customer', o.customer_name, 'stage', o.stage_name,
    'amount', o.expected_revenue::float8, 'currency', o.currency_code,
    'closeDate', to_char(o.date_deadline, 'YYYY-MM-DD')) END AS odoo,
  CASE WHEN a.ace_id IS NULL THEN NULL ELSE json_build_object(
    'title', a.title, 'customer', a.customer_company_name, 'stage', a.stage,
    'amount', a.expected_total_spend::float8, 'currency', a.spend_currency,
    'closeDate', to_char(a.target_close_date, 'YYYY-MM-DD')) END AS ace`;

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

  /**
   * Newest first, each with both records at a glance, in one query: the customer filter
   * reads the joined records, so a page holds `limit` matches whenever that many pass.
   * (`m.id`: a bare `id` in ORDER BY would be the text output column.)
   */
  async list(filters: MatchFilters): Promise<MatchListRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS}, ${SUMMARIES}
         FROM matching.opportunity_matches m ${WITH_RECORDS}
        WHERE ($1::text[] IS NULL OR m.status = ANY ($1))
          AND ($2::float8 IS NULL OR m.probability >= $2)
          AND ($3::float8 IS NULL OR m.probability <= $3)
          AND ($4::text IS NULL OR m.ace_id = $4)
          AND ($5::text IS NULL OR m.odoo_id = $5)
          AND ($6::bigint IS NULL OR m.id < $6)
          AND ($8::text IS NULL OR o.customer_name ILIKE $8 ESCAPE '\\'
               OR a.customer_company_name ILIKE $8 ESCAPE '\\')
        ORDER BY m.id DESC LIMIT $7`,
      [
        filters.status ?? null,
        filters.minProbability ?? null,
        filters.maxProbability ?? null,
        filters.aceId ?? null,
        filters.odooId ?? null,
        filters.before ?? null,
        filters.limit,
        filters.customer === undefined ? null : containsPattern(filters.customer),
      ],
    );
  }

  /**
   * Matches per status and probability bin (every match, whatever its status). A match is
   * binned by its probability as the API sends it (rounded), so one shown as 0.1 is in
   * [0.1, 0.2); 1 is in the last bin.
   */
  async countsByStatusAndBin(): Promise<MatchCountRow[]> {
    return this.dataSource.query(
      `SELECT status, LEAST(floor(round(probability::numeric, $1) * $2), $2 - 1)::int AS bin,
              count(*)::int AS count
         FROM matching.opportunity_matches
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [MATCH_DECIMALS, PROBABILITY_BINS],
    );
  }

  async find(id: string): Promise<MatchRow | null> {
    const rows: MatchRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM matching.opportunity_matches m WHERE m.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The live (proposed, auto-linked or approved) match of a pair, if any. */
  async livePair(tx: ReviewTransaction, aceId: string, odooId: string): Promise<MatchRow | null> {
    const rows: MatchRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM matching.opportunity_matches m
        WHERE m.ace_id = $1 AND m.odoo_id = $2 AND m.status IN ('proposed', 'auto_linked', 'approved')`,
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
      `SELECT ${COLUMNS} FROM matching.opportunity_matches m WHERE m.id = $1 FOR UPDATE`,
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
       SELECT ${COLUMNS} FROM decided m`,
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
       SELECT ${COLUMNS} FROM linked m`,
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
