import { Injectable } from '@nestjs/common';
import { DomainException, OutboxRepository, TOPICS } from '@revops/core';
import { DataSource, EntityManager } from 'typeorm';
import { Assignment, pairKey } from './scoring/assign';
import { MatchExplanation } from './scoring/score-pair';

export type MatchStatus = 'proposed' | 'auto_linked' | 'approved' | 'rejected' | 'superseded';
export const MATCH_STATUSES: MatchStatus[] = [
  'proposed',
  'auto_linked',
  'approved',
  'rejected',
  'superseded',
];
/** Statuses a run may rewrite; an analyst's approval or rejection is never overwritten. */
const AUTOMATIC = ['proposed', 'auto_linked'];

export interface MatchRow {
  id: string;
  odooId: string;
  aceId: string;
  status: MatchStatus;
  probability: number;
  score: number;
  explanation: MatchExplanation;
  version: number;
  jobRunId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MatchChange {
  matchId: string;
  aceId: string;
  odooId: string;
  status: MatchStatus;
  previousStatus: MatchStatus | null;
}

export interface SaveSummary {
  created: number;
  updated: number;
  superseded: number;
  unchanged: number;
}

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

// UPDATE … RETURNING is wrapped in a CTE and selected: TypeORM returns an UPDATE's rows
// as [rows, count], a SELECT's as rows.

/** Changes announced per outbox event. */
const EVENT_BATCH = 500;

/** matching.opportunity_matches and matching.unmatchable_opportunities. */
@Injectable()
export class MatchesRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
  ) {}

  /** Live matches (proposed, auto-linked, approved) and rejected pairs: what a run respects. */
  async decided(): Promise<
    { id: string; aceId: string; odooId: string; status: MatchStatus; version: number }[]
  > {
    return this.dataSource.query(
      `SELECT id::text, ace_id AS "aceId", odoo_id AS "odooId", status, version
         FROM matching.opportunity_matches
        WHERE status IN ('proposed', 'auto_linked', 'approved', 'rejected')`,
    );
  }

  /**
   * The run's decisions for the ACE opportunities in `scope`, in one transaction with
   * their event: a pair decided
   * as before is updated when its score moved, a new pair is inserted, and a proposed or
   * auto-linked match the run no longer makes is superseded. A match an analyst decided
   * meanwhile (its version moved) is left as the analyst left it.
   */
  async saveDecisions(
    jobRunId: string,
    scope: ReadonlySet<string>,
    assignments: Assignment[],
  ): Promise<SaveSummary> {
    return this.dataSource.transaction(async (m) => {
      const existing: {
        id: string;
        aceId: string;
        odooId: string;
        status: MatchStatus;
        score: number;
        version: number;
      }[] = await m.query(
        `SELECT id::text, ace_id AS "aceId", odoo_id AS "odooId", status, score, version
           FROM matching.opportunity_matches
          WHERE status = ANY ($1) AND ace_id = ANY ($2)`,
        [AUTOMATIC, [...scope]],
      );
      const wanted = new Map(assignments.map((a) => [pairKey(a.aceId, a.odooId), a]));
      const supersede: typeof existing = [];
      const update: (Assignment & { id: string; version: number; previous: MatchStatus })[] = [];
      let unchanged = 0;
      for (const row of existing) {
        const want = wanted.get(pairKey(row.aceId, row.odooId));
        wanted.delete(pairKey(row.aceId, row.odooId));
        if (!want) supersede.push(row);
        else if (want.status !== row.status || Math.abs(want.score - row.score) > 1e-9) {
          update.push({ ...want, id: row.id, version: row.version, previous: row.status });
        } else unchanged++;
      }
      const changes: MatchChange[] = [];
      const superseded: { id: string; aceId: string; odooId: string; status: MatchStatus }[] =
        await m.query(
          `WITH changed AS (
             UPDATE matching.opportunity_matches m
                SET status = 'superseded', version = m.version + 1, job_run_id = $3, updated_at = now()
               FROM unnest($1::bigint[], $2::int[]) AS s(id, version)
              WHERE m.id = s.id AND m.version = s.version
             RETURNING m.id::text, m.ace_id AS "aceId", m.odoo_id AS "odooId", m.status)
           SELECT * FROM changed`,
          [supersede.map((s) => s.id), supersede.map((s) => s.version), jobRunId],
        );
      const previousOf = new Map(existing.map((e) => [e.id, e.status]));
      for (const s of superseded) {
        changes.push({ matchId: s.id, aceId: s.aceId, odooId: s.odooId, status: 'superseded', previousStatus: previousOf.get(s.id) ?? null }); // prettier-ignore
      }
      const updated: { id: string; aceId: string; odooId: string; status: MatchStatus }[] =
        await m.query(
          `WITH changed AS (
             UPDATE matching.opportunity_matches m
                SET status = u.status, probability = u.probability, score = u.score,
                    explanation = u.explanation, version = m.version + 1, job_run_id = $7,
                    updated_at = now()
               FROM unnest($1::bigint[], $2::int[], $3::text[], $4::float8[], $5::float8[], $6::jsonb[])
                    AS u(id, version, status, probability, score, explanation)
              WHERE m.id = u.id AND m.version = u.version
             RETURNING m.id::text, m.ace_id AS "aceId", m.odoo_id AS "odooId", m.status)
           SELECT * FROM changed`,
          [
            update.map((u) => u.id),
            update.map((u) => u.version),
            update.map((u) => u.status),
            update.map((u) => u.probability),
            update.map((u) => u.score),
            update.map((u) => JSON.stringify(u.explanation)),
            jobRunId,
          ],
        );
      for (const u of updated) {
        changes.push({ matchId: u.id, aceId: u.aceId, odooId: u.odooId, status: u.status, previousStatus: previousOf.get(u.id) ?? null }); // prettier-ignore
      }
      const fresh = [...wanted.values()];
      const inserted: { id: string; aceId: string; odooId: string; status: MatchStatus }[] =
        await m.query(
          `INSERT INTO matching.opportunity_matches
                  (ace_id, odoo_id, status, probability, score, explanation, job_run_id)
           SELECT u.*, $7::bigint
             FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::jsonb[])
                  AS u(ace_id, odoo_id, status, probability, score, explanation)
           ON CONFLICT (odoo_id, ace_id) WHERE status IN ('proposed', 'auto_linked', 'approved')
           DO NOTHING
           RETURNING id::text, ace_id AS "aceId", odoo_id AS "odooId", status`,
          [
            fresh.map((f) => f.aceId),
            fresh.map((f) => f.odooId),
            fresh.map((f) => f.status),
            fresh.map((f) => f.probability),
            fresh.map((f) => f.score),
            fresh.map((f) => JSON.stringify(f.explanation)),
            jobRunId,
          ],
        );
      for (const i of inserted) {
        changes.push({ matchId: i.id, aceId: i.aceId, odooId: i.odooId, status: i.status, previousStatus: null }); // prettier-ignore
      }
      await announce(this.outbox, m, jobRunId, changes);
      return {
        created: inserted.length,
        updated: updated.length,
        superseded: superseded.length,
        unchanged,
      };
    });
  }

  /**
   * matching.unmatchable_opportunities := the redacted live ACE opportunities (of `scope`,
   * or all when null). Returns how many are listed now.
   */
  async recordRedacted(jobRunId: string, scope: string[] | null): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      await m.query(
        `DELETE FROM matching.unmatchable_opportunities u
          WHERE u.source = 'ace' AND ($1::text[] IS NULL OR u.source_id = ANY ($1))
            AND NOT EXISTS (SELECT 1 FROM core.ace_opportunities a
                             WHERE a.ace_id = u.source_id AND a.deleted_at IS NULL
                               AND a.is_national_security)`,
        [scope],
      );
      await m.query(
        `INSERT INTO matching.unmatchable_opportunities (source, source_id, reason, job_run_id)
         SELECT 'ace', a.ace_id, 'redacted', $2 FROM core.ace_opportunities a
          WHERE a.deleted_at IS NULL AND a.is_national_security
            AND ($1::text[] IS NULL OR a.ace_id = ANY ($1))
         ON CONFLICT (source, source_id) DO NOTHING`,
        [scope, jobRunId],
      );
      const [{ n }]: { n: number }[] = await m.query(
        `SELECT count(*)::int AS n FROM matching.unmatchable_opportunities WHERE reason = 'redacted'`,
      );
      return n;
    });
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

async function announce(
  outbox: OutboxRepository,
  m: EntityManager,
  jobRunId: string | null,
  changes: MatchChange[],
): Promise<void> {
  for (let i = 0; i < changes.length; i += EVENT_BATCH) {
    await outbox.append(m, {
      topic: TOPICS.matchesChanged,
      key: 'matches',
      payload: { jobRunId, changes: changes.slice(i, i + EVENT_BATCH) },
    });
  }
}
