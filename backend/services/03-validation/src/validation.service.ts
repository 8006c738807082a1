import { Injectable } from '@nestjs/common';
import { CoalescedRuns, ignoreProgress, JobRunsService, ProgressListener } from '@revops/core';
import { VALIDATION_RULES } from './rules/registry';
import { ValidatedEntity } from './rules/validation-rule';
import { HeldRecordDto, ValidationRuleDto, ValidationRunDto } from './http/validation.dto';
import { HoldToWrite, ValidationRepository, ValidationResultRow } from './validation.repository';

export const VALIDATE_JOB = 'validate';

/** Offending ids a run keeps per rule. */
export const SAMPLE_SIZE = 20;

export interface ValidationSummary {
  rulesChecked: number;
  /** Rules with at least one offending row, by severity. */
  failingErrorRules: number;
  failingWarningRules: number;
  /** Rows failing an error rule: held back from search and matching. */
  heldBack: number;
  newlyHeld: number;
  released: number;
}

/**
 * Runs every rule of the registry over CORE and records the outcome in `ops`: one result
 * per rule, and the rows failing an error rule as holds (search and matching skip them).
 */
@Injectable()
export class ValidationService {
  private requested: CoalescedRuns | null = null;

  constructor(
    private readonly repository: ValidationRepository,
    private readonly jobs: JobRunsService,
  ) {}

  /** The rule registry as the API sends it. */
  rules(): ValidationRuleDto[] {
    return VALIDATION_RULES.map((rule) => ({ ...rule, check: { ...rule.check } }));
  }

  /** Starts a run and returns its id at once; 'conflict' while another run is going. */
  async startRun(
    triggeredBy: string,
    onProgress: ProgressListener = ignoreProgress,
  ): Promise<{ jobRunId: string; done: Promise<ValidationSummary & { jobRunId: string }> }> {
    return this.jobs.beginExclusive(
      'revops.validate',
      'A validation run is already running',
      VALIDATE_JOB,
      triggeredBy,
      (id) => this.validate(id, onProgress),
    );
  }

  /** A run from start to finish (scripts, the pipeline). */
  async run(
    triggeredBy: string,
    onProgress: ProgressListener = ignoreProgress,
  ): Promise<ValidationSummary & { jobRunId: string }> {
    return (await this.startRun(triggeredBy, onProgress)).done;
  }

  /**
   * A run soon, for event consumers: a full transform announces 100 batches, and they
   * cause one or two runs, not 100 (see CoalescedRuns).
   */
  requestRun(triggeredBy: string): Promise<void> {
    this.requested ??= new CoalescedRuns(() => this.run(triggeredBy));
    return this.requested.request();
  }

  /** The run in the run shape, and each rule's outcome in it. */
  async report(jobRunId: string): Promise<ValidationRunDto> {
    const run = await this.jobs.runRecord(jobRunId, VALIDATE_JOB, 'validation');
    return { ...run, results: await this.repository.results(jobRunId) };
  }

  async held(
    entity: ValidatedEntity | undefined,
    limit: number,
    after?: string,
  ): Promise<HeldRecordDto[]> {
    // prettier-ignore
    return (await this.repository.holds(entity, limit, after)).map(({ jobRunId, heldSince, ...held }) => ({ // prettier-ignore
      ...held,
      runId: jobRunId,
      heldSince: new Date(heldSince).toISOString(),
    }));
  }

  private async validate(
    jobRunId: string,
    onProgress: ProgressListener,
  ): Promise<ValidationSummary> {
    const results: ValidationResultRow[] = [];
    const holds = new Map<string, HoldToWrite>();
    for (const [i, rule] of VALIDATION_RULES.entries()) {
      const ids = await this.repository.offendingIds(rule);
      results.push({
        ruleId: rule.id,
        entity: rule.entity,
        severity: rule.severity,
        description: rule.description,
        violations: ids.length,
        sampleIds: ids.slice(0, SAMPLE_SIZE),
      });
      if (rule.severity === 'error') {
        for (const recordId of ids) {
          const key = `${rule.entity}:${recordId}`;
          const hold = holds.get(key) ?? { entity: rule.entity, recordId, ruleIds: [] };
          hold.ruleIds.push(rule.id);
          holds.set(key, hold);
        }
      }
      onProgress({ stage: 'validate', item: rule.id, done: i + 1, total: VALIDATION_RULES.length });
    }
    const { newlyHeld, released } = await this.repository.saveRun(jobRunId, results, [
      ...holds.values(),
    ]);
    const failing = (severity: string) =>
      results.filter((r) => r.severity === severity && r.violations > 0).length;
    return {
      rulesChecked: results.length,
      failingErrorRules: failing('error'),
      failingWarningRules: failing('warning'),
      heldBack: holds.size,
      newlyHeld,
      released,
    };
  }
}
