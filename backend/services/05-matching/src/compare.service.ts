import { Injectable } from '@nestjs/common';
import { DomainException } from '@revops/core';
import { BlockingRule } from './blocking/blocking';
import { MatchingConfig } from './matching.config';
import { MatchingModelService } from './matching-model.service';
import { MatchPairsService } from './match-pairs.service';
import { MatchRecordsRepository } from './match-records.repository';
import { PairScorer } from './model/score';
import { ScoredPair } from './scoring/scored-pair';

export interface PairComparison extends ScoredPair {
  /** Whether a run scores this pair at all: a candidate rule finds it. */
  candidate: boolean;
  /** What a run would make of it on its own (before one-to-one and analysts' decisions). */
  wouldBe: 'auto_linked' | 'proposed' | 'discarded';
  thresholds: { autoLinkAt: number; reviewAt: number };
}

/**
 * "Why (not)?" for any pair: the full waterfall with the current model, and whether and by
 * which rule the pair is a candidate, the same way a run sees it.
 */
@Injectable()
export class CompareService {
  constructor(
    private readonly config: MatchingConfig,
    private readonly pairs: MatchPairsService,
    private readonly models: MatchingModelService,
    private readonly records: MatchRecordsRepository,
  ) {}

  async compare(aceId: string, odooId: string): Promise<PairComparison> {
    const [{ context, embedding }, model] = await Promise.all([this.pairs.context(), this.models.current()]); // prettier-ignore
    const ace = context.ace.get(aceId);
    const odoo = context.odoo.get(odooId);
    const notLive = 'unknown, deleted, held back by validation';
    if (!ace) throw new DomainException('not_found', `No live ACE opportunity ${aceId} (${notLive}, or redacted)`, { aceId }); // prettier-ignore
    if (!odoo) throw new DomainException('not_found', `No live Odoo lead ${odooId} (${notLive})`, { odooId }); // prettier-ignore
    const rules = new Set<BlockingRule>([
      ...(context.index.candidatesOf(ace).get(odooId) ?? []),
      ...(context.index.candidatesOf(odoo).get(aceId) ?? []),
    ]);
    if (embedding) {
      const near = await this.records.vectorNeighbours({ side: 'ace', ids: [aceId] }, embedding, this.config.MATCH_VECTOR_NEIGHBOURS); // prettier-ignore
      if (near.some((p) => p.odooId === odooId)) rules.add('vector');
    }
    const [observations] = await this.pairs.observe(context, [`${aceId}:${odooId}`], embedding);
    const { score, probability, contributions } = new PairScorer(model.parameters, context.tf).score(observations); // prettier-ignore
    const thresholds = {
      autoLinkAt: this.config.MATCH_AUTO_LINK_PROBABILITY,
      reviewAt: this.config.MATCH_REVIEW_PROBABILITY,
    };
    return {
      aceId,
      odooId,
      score,
      probability,
      explanation: { modelVersion: model.version, contributions, foundBy: [...rules] },
      candidate: rules.size > 0,
      wouldBe: probability >= thresholds.autoLinkAt ? 'auto_linked' : probability >= thresholds.reviewAt ? 'proposed' : 'discarded', // prettier-ignore
      thresholds,
    };
  }
}
