import { Injectable } from '@nestjs/common';
import { OutboxRepository, TOPICS } from '@revops/core';
import { DataSource, EntityManager } from 'typeorm';
import { pairKey } from './blocking/blocking';
import { Assignment } from './scoring/assign';
import { MatchExplanation } from './scoring/scored-pair';

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
  /** The matching model version that scored it (null: the shipped default). */
  modelVersion: number | null;
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

// UPDATE … RETURNING is wrapped in a CTE and selected: TypeORM returns an UPDATE's rows
// as [rows, count], a SELECT's as rows.

/** Changes announced per outbox event. */
const EVENT_BATCH = 500;

/** A run's writes: matching.opportunity_matches and matching.unmatchable_opportunities. */
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
                    explanation = u.explanation, model_version = u.model_version,
                    version = m.version + 1, job_run_id = $7, updated_at = now()
               FROM unnest($1::bigint[], $2::int[], $3::text[], $4::float8[], $5::float8[], $6::jsonb[], $8::bigint[])
                    AS u(id, version, status, probability, score, explanation, model_version)
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
            update.map((u) => u.explanation.modelVersion),
          ],
        );
      for (const u of updated) {
        changes.push({ matchId: u.id, aceId: u.aceId, odooId: u.odooId, status: u.status, previousStatus: previousOf.get(u.id) ?? null }); // prettier-ignore
      }
      const fresh = [...wanted.values()];
      const inserted: { id: string; aceId: string; odooId: string; status: MatchStatus }[] =
        await m.query(
          `INSERT INTO matching.opportunity_matches
                  (ace_id, odoo_id, status, probability, score, explanation, model_version, job_run_id)
           SELECT u.*, $7::bigint
             FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::jsonb[], $8::bigint[])
                  AS u(ace_id, odoo_id, status, probability, score, explanation, model_version)
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
            fresh.map((f) => f.explanation.modelVersion),
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
}

/** Match changes as `revops.matching.matches-changed` events, in the caller's transaction. */
export async function announce(
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
