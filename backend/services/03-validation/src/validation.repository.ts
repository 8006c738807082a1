import { Injectable } from '@nestjs/common';
import { OutboxRepository, TOPICS } from '@revops/core';
import { DataSource } from 'typeorm';
import { DuplicateKey, RuleCheck, ValidatedEntity, ValidationRule } from './rules/validation-rule';

/** Where each entity lives: its CORE table and key, and the RAW table it was made from. */
const ENTITIES: Record<ValidatedEntity, { core: string; key: string; raw: string }> = {
  'odoo-opportunities': {
    core: 'core.odoo_opportunities',
    key: 'odoo_id',
    raw: 'raw.odoo_crm_lead',
  },
  'ace-opportunities': {
    core: 'core.ace_opportunities',
    key: 'ace_id',
    raw: 'raw.apn_opportunity',
  },
};

export interface HoldToWrite {
  entity: ValidatedEntity;
  recordId: string;
  ruleIds: string[];
}

export interface ValidationResultRow {
  ruleId: string;
  entity: ValidatedEntity;
  severity: 'error' | 'warning';
  description: string;
  violations: number;
  sampleIds: string[];
}

export interface HeldRecord {
  entity: ValidatedEntity;
  recordId: string;
  ruleIds: string[];
  jobRunId: string;
  heldSince: Date;
}

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/**
 * One statement per rule kind, over the entity's live rows. Each returns `id` (text) of
 * every offending row; `$1` is the rule's list, when it has one.
 */
function offendingSql(
  entity: ValidatedEntity,
  check: RuleCheck,
): { sql: string; params: unknown[] } {
  const { core, key, raw } = ENTITIES[entity];
  const live = (where: string) =>
    `SELECT ${quote(key)}::text AS id FROM ${core} WHERE deleted_at IS NULL AND (${where})`;
  switch (check.kind) {
    case 'required': {
      const missing = check.columns
        .map((c) => `(${quote(c)} IS NULL OR btrim(${quote(c)}::text) = '')`)
        .join(' AND ');
      const excused = check.unless ? ` AND NOT ${quote(check.unless)}` : '';
      return { sql: live(`${missing}${excused}`), params: [] };
    }
    case 'format':
      return {
        sql: live(`${quote(check.column)} IS NOT NULL AND ${quote(check.column)} !~* $1`),
        params: [check.pattern],
      };
    case 'member':
      return {
        sql: live(
          `${quote(check.column)} IS NOT NULL AND NOT (${quote(check.column)} = ANY ($1::text[]))`,
        ),
        params: [check.values],
      };
    case 'range': {
      const bounds = [
        check.min === undefined ? null : `${quote(check.column)} < ${Number(check.min)}`,
        check.max === undefined ? null : `${quote(check.column)} > ${Number(check.max)}`,
      ].filter((bound) => bound !== null);
      return { sql: live(bounds.join(' OR ')), params: [] };
    }
    case 'date-window':
      return {
        sql: live(
          `${quote(check.column)} < $1::date
           OR ${quote(check.column)} > current_date + make_interval(years => $2::int)`,
        ),
        params: [check.earliest, check.yearsAhead],
      };
    case 'reference':
      // What the source says, so read where it says it: the RAW row and the RAW target.
      return {
        sql: `SELECT r.id::text AS id FROM ${raw} r
               WHERE r._deleted_at IS NULL AND r.${quote(check.column)} IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM ${check.target} t
                                  WHERE t.id = r.${quote(check.column)} AND t._deleted_at IS NULL)`,
        params: [],
      };
    case 'duplicate': {
      const { expression, params } = duplicateKeySql(check.key);
      return {
        sql: `WITH keyed AS (
                SELECT ${quote(key)}::text AS id, ${expression} AS k FROM ${core}
                 WHERE deleted_at IS NULL),
              groups AS (
                SELECT k FROM keyed WHERE k IS NOT NULL
                 GROUP BY k HAVING count(*) BETWEEN 2 AND ${Number(check.maxGroup)})
              SELECT id FROM keyed JOIN groups USING (k)`,
        params,
      };
    }
    case 'conflict':
      return {
        sql: `SELECT o.${quote(key)}::text AS id FROM ${core} o
                JOIN ${check.table} t ON t.${quote(check.key)} = o.${quote(check.key)}
               WHERE o.deleted_at IS NULL AND t.${quote(check.companies)} > 1`,
        params: [],
      };
  }
}

function duplicateKeySql(key: DuplicateKey): { expression: string; params: unknown[] } {
  if ('column' in key) return { expression: `${quote(key.column)}::text`, params: [] };
  if ('emailDomainOf' in key) {
    const domain = `lower(split_part(${quote(key.emailDomainOf)}, '@', 2))`;
    return {
      expression: `CASE WHEN ${domain} <> '' AND NOT (${domain} = ANY ($1::text[])) THEN ${domain} END`,
      params: [key.ignore],
    };
  }
  const digits = `regexp_replace(${quote(key.phoneDigitsOf)}, '[^0-9]', '', 'g')`;
  return { expression: `CASE WHEN length(${digits}) >= 7 THEN ${digits} END`, params: [] };
}

/** Reads CORE (and RAW for references) to find offending rows; writes `ops.validation_*`. */
@Injectable()
export class ValidationRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
  ) {}

  async offendingIds(rule: ValidationRule): Promise<string[]> {
    const { sql, params } = offendingSql(rule.entity, rule.check);
    const [{ ids }]: { ids: string[] }[] = await this.dataSource.query(
      `SELECT coalesce(array_agg(id ORDER BY length(id), id), '{}') AS ids
         FROM (SELECT DISTINCT id FROM (${sql}) o) d`,
      params,
    );
    return ids;
  }

  /**
   * A run's per-rule results and the rows now held back: one transaction. A row still held
   * keeps its `held_since`; a held row missing from `holds` is released. Announced as
   * `revops.validation.completed` in the same transaction.
   */
  async saveRun(
    jobRunId: string,
    results: ValidationResultRow[],
    holds: HoldToWrite[],
  ): Promise<{ newlyHeld: number; released: number }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO ops.validation_results
                (job_run_id, rule_id, entity, severity, description, violations, sample_ids)
         SELECT $1, r.rule_id, r.entity, r.severity, r.description, r.violations,
                ARRAY(SELECT jsonb_array_elements_text(r.sample_ids))
           FROM jsonb_to_recordset($2::jsonb) AS r(rule_id text, entity text, severity text,
                description text, violations int, sample_ids jsonb)`,
        [
          jobRunId,
          JSON.stringify(
            results.map((r) => ({
              rule_id: r.ruleId,
              entity: r.entity,
              severity: r.severity,
              description: r.description,
              violations: r.violations,
              sample_ids: r.sampleIds,
            })),
          ),
        ],
      );
      const [{ released }]: { released: number }[] = await manager.query(
        `WITH current AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS h(entity text, record_id text))
         , released AS (
           DELETE FROM ops.validation_holds v
            WHERE NOT EXISTS (SELECT 1 FROM current c
                               WHERE c.entity = v.entity AND c.record_id = v.record_id)
            RETURNING 1)
         SELECT count(*)::int AS released FROM released`,
        [JSON.stringify(holds.map((h) => ({ entity: h.entity, record_id: h.recordId })))],
      );
      const written: { inserted: boolean }[] = await manager.query(
        `INSERT INTO ops.validation_holds (entity, record_id, rule_ids, job_run_id)
         SELECT h.entity, h.record_id, ARRAY(SELECT jsonb_array_elements_text(h.rule_ids)), $2
           FROM jsonb_to_recordset($1::jsonb) AS h(entity text, record_id text, rule_ids jsonb)
         ON CONFLICT (entity, record_id) DO UPDATE
            SET rule_ids = EXCLUDED.rule_ids, job_run_id = EXCLUDED.job_run_id
         RETURNING (xmax = 0) AS inserted`,
        [
          JSON.stringify(
            holds.map((h) => ({ entity: h.entity, record_id: h.recordId, rule_ids: h.ruleIds })),
          ),
          jobRunId,
        ],
      );
      const newlyHeld = written.filter((row) => row.inserted).length;
      await this.outbox.append(manager, {
        topic: TOPICS.validationCompleted,
        key: 'validation',
        payload: { jobRunId, heldBack: holds.length, newlyHeld, released },
      });
      return { newlyHeld, released };
    });
  }

  async results(jobRunId: string): Promise<ValidationResultRow[]> {
    return this.dataSource.query(
      `SELECT rule_id AS "ruleId", entity, severity, description, violations,
              sample_ids AS "sampleIds"
         FROM ops.validation_results WHERE job_run_id = $1
        ORDER BY severity, violations DESC, rule_id`,
      [jobRunId],
    );
  }

  async holds(
    entity: ValidatedEntity | undefined,
    limit: number,
    after?: string,
  ): Promise<HeldRecord[]> {
    return this.dataSource.query(
      `SELECT entity, record_id AS "recordId", rule_ids AS "ruleIds",
              job_run_id::text AS "jobRunId", held_since AS "heldSince"
         FROM ops.validation_holds
        WHERE ($1::text IS NULL OR entity = $1)
          AND ($2::text IS NULL OR entity || ':' || record_id > $2)
        ORDER BY entity || ':' || record_id LIMIT $3`,
      [entity ?? null, after ?? null, limit],
    );
  }
}
