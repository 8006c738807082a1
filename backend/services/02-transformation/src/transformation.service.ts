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
    return this.jobs.track('transform:opportunities', triggeredBy, async (jobRunId) => ({
      odooOpportunities: await this.transformOdoo(jobRunId, onProgress),
      aceOpportunities: await this.transformAce(jobRunId, onProgress),
    }));
  }

  /** Each batch is written with its `revops.transformation.opportunities-changed` event. */
  private transformOdoo(jobRunId: string, onProgress: ProgressListener): Promise<number> {
    return this.inBatches('odoo_opportunities', 0, onProgress, async (afterId) => {
      const batch = await this.repository.changedOdooLeads(afterId, CORE_BATCH_SIZE);
      await this.repository.upsertOdoo(batch.map(toCoreOdooOpportunity), jobRunId);
      return batch.map((lead) => lead.id);
    });
  }

  private transformAce(jobRunId: string, onProgress: ProgressListener): Promise<number> {
    return this.inBatches('ace_opportunities', '', onProgress, async (afterId) => {
      const batch = await this.repository.changedApnOpportunities(afterId, CORE_BATCH_SIZE);
      await this.repository.upsertAce(batch.map(toCoreAceOpportunity), jobRunId);
      return batch.map((opportunity) => opportunity.id);
    });
  }

  /** Keyset pagination: each batch starts after the last key of the one before. */
  private async inBatches<K>(
    item: string,
    firstKey: K,
    onProgress: ProgressListener,
    transformBatch: (afterKey: K) => Promise<K[]>,
  ): Promise<number> {
    let done = 0;
    let afterKey = firstKey;
    for (;;) {
      const keys = await transformBatch(afterKey);
      if (keys.length === 0) return done;
      afterKey = keys[keys.length - 1];
      done += keys.length;
      onProgress({ stage: 'transform', item, done, total: done });
    }
  }
}
