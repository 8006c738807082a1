import { Injectable } from '@nestjs/common';
import { ignoreProgress, JobRunsService, ProgressListener } from '@revops/core';
import { toCoreAceOpportunity } from './mapping/ace-opportunity.mapper';
import { toCoreOdooOpportunity } from './mapping/odoo-opportunity.mapper';
import { TransformationRepository } from './transformation.repository';

export const CORE_BATCH_SIZE = 1000;

export interface TransformSummary {
  odooOpportunities: number;
  aceOpportunities: number;
}

/** RAW → CORE for the rows whose RAW inputs changed; unchanged rows are not touched. */
@Injectable()
export class TransformationService {
  constructor(
    private readonly repository: TransformationRepository,
    private readonly jobs: JobRunsService,
  ) {}

  transformAll(
    triggeredBy: string,
    onProgress: ProgressListener = ignoreProgress,
  ): Promise<TransformSummary & { jobRunId: string }> {
    return this.jobs.track('transform:opportunities', triggeredBy, async () => ({
      odooOpportunities: await this.transformOdoo(onProgress),
      aceOpportunities: await this.transformAce(onProgress),
    }));
  }

  private async transformOdoo(onProgress: ProgressListener): Promise<number> {
    let done = 0;
    let afterId = 0;
    for (;;) {
      const batch = await this.repository.changedOdooLeads(afterId, CORE_BATCH_SIZE);
      if (batch.length === 0) break;
      await this.repository.upsertOdoo(batch.map(toCoreOdooOpportunity));
      afterId = batch[batch.length - 1].id;
      done += batch.length;
      onProgress({ stage: 'transform', item: 'odoo_opportunities', done, total: done });
    }
    return done;
  }

  private async transformAce(onProgress: ProgressListener): Promise<number> {
    let done = 0;
    let afterId = '';
    for (;;) {
      const batch = await this.repository.changedApnOpportunities(afterId, CORE_BATCH_SIZE);
      if (batch.length === 0) break;
      await this.repository.upsertAce(batch.map(toCoreAceOpportunity));
      afterId = batch[batch.length - 1].id;
      done += batch.length;
      onProgress({ stage: 'transform', item: 'ace_opportunities', done, total: done });
    }
    return done;
  }
}
