import { Injectable } from '@nestjs/common';
import {
  CoalescedRuns,
  DomainException,
  ignoreProgress,
  InvalidInputException,
  JobRunsService,
  ProgressListener,
} from '@revops/core';
import { JobRunEntity } from '@revops/models';
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
  /** Entity → its transform. `all` runs every one, in this order. */
  private readonly steps = new Map<string, TransformStep>([
    [
      'odoo-opportunities',
      async (jobRunId, onProgress) => ({
        odooOpportunities: await this.transformOdoo(jobRunId, onProgress),
      }),
    ],
    [
      'ace-opportunities',
      async (jobRunId, onProgress) => ({
        aceOpportunities: await this.transformAce(jobRunId, onProgress),
      }),
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
        for (const step of steps) Object.assign(summary, await step(id, onProgress));
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

  async getRun(id: string): Promise<JobRunEntity> {
    const run = await this.jobs.get(id);
    if (!run.jobName.startsWith('transform:')) {
      throw new DomainException('not_found', `No transform run ${id}`);
    }
    return run;
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
  private transformOdoo(jobRunId: string, onProgress: ProgressListener): Promise<number> {
    return this.inBatches(
      'odoo_opportunities',
      this.repository.changedOdooLeads(CORE_BATCH_SIZE),
      toCoreOdooOpportunity,
      (rows) => this.repository.upsertOdoo(rows, jobRunId),
      onProgress,
    );
  }

  private transformAce(jobRunId: string, onProgress: ProgressListener): Promise<number> {
    return this.inBatches(
      'ace_opportunities',
      this.repository.changedApnOpportunities(CORE_BATCH_SIZE),
      toCoreAceOpportunity,
      (rows) => this.repository.upsertAce(rows, jobRunId),
      onProgress,
    );
  }

  /**
   * A pipeline of three: while batch N is written, batch N+1 is mapped and batch N+2 read.
   * Writes stay one at a time and in order.
   */
  private async inBatches<Raw, Row>(
    item: string,
    batches: AsyncIterator<Raw[]>,
    map: (raw: Raw) => Row,
    write: (rows: Row[]) => Promise<void>,
    onProgress: ProgressListener,
  ): Promise<number> {
    let done = 0;
    let writing = Promise.resolve();
    try {
      for await (const batch of readAhead(batches)) {
        const rows = batch.map(map);
        const count = rows.length; // the closure keeps the count, not the rows
        await writing;
        writing = write(rows).then(() => {
          done += count;
          onProgress({ stage: 'transform', item, done, total: done });
        });
        writing.catch(() => undefined); // awaited at the next turn or below
      }
    } catch (error) {
      await writing.catch(() => undefined); // the write in flight settles first
      throw error;
    }
    await writing;
    return done;
  }
}

/** `all` keeps the name the scripts and ops queries know. */
const jobName = (entity: string): string =>
  entity === 'all' ? 'transform:opportunities' : `transform:${entity}`;
