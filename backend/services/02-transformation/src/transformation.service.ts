import { Injectable, Logger } from '@nestjs/common';
import {
  CoalescedRuns,
  ignoreProgress,
  InvalidInputException,
  JobRunsService,
  ProgressListener,
  QuarantineRepository,
  RunDto,
  writeIsolating,
} from '@revops/core';
import { Changes, CompanyChanges, IdentityService } from './identity/identity.service';
import { toCoreAceOpportunity } from './mapping/ace-opportunity.mapper';
import { toCoreOdooOpportunity } from './mapping/odoo-opportunity.mapper';
import { readAhead } from './read-ahead';
import { TransformationRepository } from './transformation.repository';

export const CORE_BATCH_SIZE = 1000;

/** Rows written per entity (deleted ones included); a one-entity run reports its own only. */
export interface TransformSummary {
  odooOpportunities: number;
  aceOpportunities: number;
  /** Rows set aside in ops.quarantine (stage `transform`) by this run, per entity. */
  quarantined?: { odooOpportunities?: number; aceOpportunities?: number };
  awsAccounts?: Changes;
  companies?: CompanyChanges;
}

/** One entity's transform inside a job run. */
type TransformStep = (
  jobRunId: string,
  onProgress: ProgressListener,
) => Promise<Partial<TransformSummary>>;

/** One transform at a time, across every replica: they write the same CORE tables. */
export const TRANSFORM_LOCK = 'revops.transform';

/** RAW → CORE for the rows whose RAW inputs changed; unchanged rows are not touched. */
@Injectable()
export class TransformationService {
  private readonly logger = new Logger(TransformationService.name);

  /** Entity → its transform. `all` runs every one, in this order. */
  private readonly steps = new Map<string, TransformStep>([
    [
      'odoo-opportunities',
      async (jobRunId, onProgress) => {
        const { written, quarantined } = await this.transformOdoo(jobRunId, onProgress);
        return { odooOpportunities: written, quarantined: { odooOpportunities: quarantined } };
      },
    ],
    [
      'ace-opportunities',
      async (jobRunId, onProgress) => {
        const { written, quarantined } = await this.transformAce(jobRunId, onProgress);
        return { aceOpportunities: written, quarantined: { aceOpportunities: quarantined } };
      },
    ],
    // Both read the CORE opportunities, so they come after them.
    [
      'aws-accounts',
      async (jobRunId) => ({ awsAccounts: await this.identities.transformAwsAccounts(jobRunId) }),
    ],
    [
      'companies',
      async (jobRunId) => ({ companies: await this.identities.transformCompanies(jobRunId) }),
    ],
  ]);

  private requested: CoalescedRuns | null = null;

  constructor(
    private readonly repository: TransformationRepository,
    private readonly identities: IdentityService,
    private readonly jobs: JobRunsService,
    private readonly quarantine: QuarantineRepository,
  ) {}

  /** What `entity` may name: each entity, and `all`. */
  get entities(): string[] {
    return [...this.steps.keys(), 'all'];
  }

  /**
   * Starts the transform of `entity` (or `all`) as a job run and returns once the run is
   * recorded; `done` settles when it ends. Refused (conflict) while another transform
   * runs, in this process or any other.
   */
  async startTransform(
    entity: string,
    triggeredBy: string,
    onProgress: ProgressListener = ignoreProgress,
  ): Promise<{ jobRunId: string; done: Promise<Partial<TransformSummary>> }> {
    const steps = this.stepsFor(entity);
    return this.jobs.beginExclusive(
      TRANSFORM_LOCK,
      'A transform is already running',
      jobName(entity),
      triggeredBy,
      async (id) => {
        const summary: Partial<TransformSummary> = {};
        for (const step of steps) {
          const { quarantined, ...rest } = await step(id, onProgress);
          Object.assign(summary, rest);
          if (quarantined) summary.quarantined = { ...summary.quarantined, ...quarantined };
        }
        return summary;
      },
    );
  }

  /** A transform from start to finish (scripts, benchmarks). */
  async transform(
    entity: string,
    triggeredBy: string,
    onProgress: ProgressListener = ignoreProgress,
  ): Promise<Partial<TransformSummary> & { jobRunId: string }> {
    const { jobRunId, done } = await this.startTransform(entity, triggeredBy, onProgress);
    return { ...(await done), jobRunId };
  }

  async transformAll(
    triggeredBy: string,
    onProgress: ProgressListener = ignoreProgress,
  ): Promise<TransformSummary & { jobRunId: string }> {
    const result = await this.transform('all', triggeredBy, onProgress);
    return { odooOpportunities: 0, aceOpportunities: 0, ...result };
  }

  /**
   * A full transform soon, for event consumers: syncs finishing during a transform cause
   * one more, not one each (see CoalescedRuns).
   */
  requestTransform(triggeredBy: string): Promise<void> {
    this.requested ??= new CoalescedRuns(() => this.transformAll(triggeredBy));
    return this.requested.request();
  }

  getRun(id: string): Promise<RunDto> {
    return this.jobs.runRecord(id, 'transform:', 'transform');
  }

  private stepsFor(entity: string): TransformStep[] {
    if (entity === 'all') return [...this.steps.values()];
    const step = this.steps.get(entity);
    if (step) return [step];
    const allowed = this.entities.join(', ');
    throw new InvalidInputException(`entity must be one of ${allowed}`, [
      { field: 'entity', problems: [`must be one of ${allowed}`] },
    ]);
  }

  /** Each batch is written with its `revops.transformation.opportunities-changed` event. */
  private transformOdoo(jobRunId: string, onProgress: ProgressListener): Promise<BatchCounts> {
    return this.inBatches(
      { item: 'odoo_opportunities', source: 'odoo', rawTable: 'odoo_crm_lead' },
      this.repository.changedOdooLeads(CORE_BATCH_SIZE),
      toCoreOdooOpportunity,
      (rows) => this.repository.upsertOdoo(rows, jobRunId),
      jobRunId,
      onProgress,
    );
  }

  private transformAce(jobRunId: string, onProgress: ProgressListener): Promise<BatchCounts> {
    return this.inBatches(
      { item: 'ace_opportunities', source: 'apn', rawTable: 'apn_opportunity' },
      this.repository.changedApnOpportunities(CORE_BATCH_SIZE),
      toCoreAceOpportunity,
      (rows) => this.repository.upsertAce(rows, jobRunId),
      jobRunId,
      onProgress,
    );
  }

  /**
   * A pipeline of three: while batch N is written, batch N+1 is mapped and batch N+2 read.
   * Writes stay one at a time and in order. No single row stops it: a row the mapping
   * throws on, or the database refuses (a data error), goes to ops.quarantine with its
   * reason and its input's hash, and the rest of the batch is written.
   */
  private async inBatches<Raw extends RawInput, Row>(
    what: { item: string; source: 'odoo' | 'apn'; rawTable: string },
    batches: AsyncIterator<Raw[]>,
    map: (raw: Raw) => Row,
    write: (rows: Row[]) => Promise<void>,
    jobRunId: string,
    onProgress: ProgressListener,
  ): Promise<BatchCounts> {
    const counts: BatchCounts = { written: 0, quarantined: 0 };
    const setAside = async (raw: Raw, error: unknown) => {
      const reason = `${what.item}: ${error instanceof Error ? error.message : String(error)}`;
      this.logger.warn({ msg: 'Row quarantined by the transform', key: String(raw.id), reason });
      await this.quarantine.setAside('transform', jobRunId, [
        { source: what.source, table: what.rawTable, key: String(raw.id), inputHash: raw.source_hash, reason, payload: raw }, // prettier-ignore
      ]);
      counts.quarantined++;
    };
    // Halves a refused batch until the refused rows are alone; writes the rest.
    const writePairs = (pairs: [Raw, Row][]) =>
      writeIsolating(
        pairs,
        async (some) => {
          await write(some.map(([, row]) => row));
          counts.written += some.length;
        },
        ([raw], error) => setAside(raw, error),
      );
    let writing = Promise.resolve();
    try {
      for await (const batch of readAhead(batches)) {
        const pairs: [Raw, Row][] = [];
        const failed: [Raw, unknown][] = [];
        for (const raw of batch) {
          try {
            pairs.push([raw, map(raw)]);
          } catch (error) {
            failed.push([raw, error]);
          }
        }
        await writing;
        writing = (async () => {
          for (const [raw, error] of failed) await setAside(raw, error);
          await writePairs(pairs);
          onProgress({ stage: 'transform', item: what.item, done: counts.written, total: counts.written }); // prettier-ignore
        })();
        writing.catch(() => undefined); // awaited at the next turn or below
      }
    } catch (error) {
      await writing.catch(() => undefined); // the write in flight settles first
      throw error;
    }
    await writing;
    return counts;
  }
}

interface RawInput {
  id: number | string;
  source_hash: string;
}

interface BatchCounts {
  written: number;
  quarantined: number;
}

/** `all` keeps the name the scripts and ops queries know. */
const jobName = (entity: string): string =>
  entity === 'all' ? 'transform:opportunities' : `transform:${entity}`;
