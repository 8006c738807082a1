import { Injectable, Logger } from '@nestjs/common';
import {
  chunk,
  CoalescedRuns,
  DomainException,
  ignoreProgress,
  JobRunsService,
  ProgressListener,
} from '@revops/core';
import { CandidateSet, CandidatesRepository, Focus } from './candidates.repository';
import { MatchingConfig } from './matching.config';
import { MatchesRepository, SaveSummary } from './matches.repository';
import { ReviewRepository } from './review.repository';
import { assign, pairKey } from './scoring/assign';
import { PairFeatures } from './scoring/pair-features';
import { scorePair, ScoredPair } from './scoring/score-pair';
import { DEFAULT_WEIGHTS, loadWeights, MatchWeights } from './scoring/weights';

export const MATCH_ALL_JOB = 'match:opportunities';
export const MATCH_CHANGED_JOB = 'match:changed';
const LOCK = 'revops.match';
const BUSY = 'A matching run is already running';
/** Pairs whose features are read per query. */
const FEATURE_BATCH = 5000;

/** Opportunities that changed: their matches are decided again. */
export interface ChangedOpportunities {
  ace: string[];
  odoo: string[];
}

export interface MatchRunSummary extends SaveSummary {
  /** ACE opportunities decided in this run. */
  aceOpportunities: number;
  candidates: number;
  autoLinked: number;
  proposed: number;
  /** ACE opportunities reported as "unmatchable: redacted" (national security), in all. */
  unmatchableRedacted: number;
  modelId: string | null;
  /** Where the run's time went. */
  timingsMs: { candidates: number; score: number; save: number };
}

export interface ScoredCandidates {
  candidates: CandidateSet;
  features: PairFeatures[];
  scored: ScoredPair[];
  modelId: string | null;
  timingsMs: { candidates: number; score: number };
}

/**
 * Odoo ↔ ACE matching: candidates (candidates.repository.ts), a log-odds score per pair
 * (scoring/), a one-to-one decision at the thresholds (scoring/assign.ts), stored with its
 * explanation (matches.repository.ts). A full run decides every ACE opportunity; a run on
 * changed opportunities decides only the ACE opportunities they can affect.
 */
@Injectable()
export class MatchingService {
  private readonly logger = new Logger(MatchingService.name);
  readonly weights: MatchWeights;
  private readonly waiting: { ace: Set<string>; odoo: Set<string> } = {
    ace: new Set(),
    odoo: new Set(),
  };
  private requested?: CoalescedRuns;

  constructor(
    private readonly config: MatchingConfig,
    private readonly candidatesRepository: CandidatesRepository,
    private readonly matches: MatchesRepository,
    private readonly review: ReviewRepository,
    private readonly jobs: JobRunsService,
  ) {
    this.weights = config.MATCH_WEIGHTS_FILE
      ? loadWeights(config.MATCH_WEIGHTS_FILE)
      : DEFAULT_WEIGHTS;
  }

  /** A full re-match, recorded as a job; rejects with `conflict` while a run is going. */
  async startAll(
    triggeredBy: string,
    onProgress: ProgressListener = ignoreProgress,
  ): Promise<{ jobRunId: string; done: Promise<MatchRunSummary & { jobRunId: string }> }> {
    return this.jobs.beginExclusive(LOCK, BUSY, MATCH_ALL_JOB, triggeredBy, (jobRunId) =>
      this.run(jobRunId, null, onProgress),
    );
  }

  async matchAll(
    triggeredBy: string,
    onProgress: ProgressListener = ignoreProgress,
  ): Promise<MatchRunSummary & { jobRunId: string }> {
    return (await this.startAll(triggeredBy, onProgress)).done;
  }

  /** Re-decides what these changed opportunities can affect, and nothing else. */
  async matchChanged(
    changed: ChangedOpportunities,
    triggeredBy: string,
  ): Promise<MatchRunSummary & { jobRunId: string }> {
    const { done } = await this.jobs.beginExclusive(
      LOCK,
      BUSY,
      MATCH_CHANGED_JOB,
      triggeredBy,
      (jobRunId) => this.run(jobRunId, changed, ignoreProgress),
    );
    return done;
  }

  /**
   * For event consumers: the changed ids join those waiting, and a run soon takes them
   * all; requests during a run ask for one more. Resolves once a run that started after
   * the request has finished, so the event is recorded as consumed only then.
   */
  requestRematch(changed: ChangedOpportunities, triggeredBy: string): Promise<void> {
    changed.ace.forEach((id) => this.waiting.ace.add(id));
    changed.odoo.forEach((id) => this.waiting.odoo.add(id));
    this.requested ??= new CoalescedRuns(async () => {
      const batch = { ace: [...this.waiting.ace], odoo: [...this.waiting.odoo] };
      this.waiting.ace.clear();
      this.waiting.odoo.clear();
      if (batch.ace.length + batch.odoo.length === 0) return;
      try {
        await this.matchChanged(batch, triggeredBy);
      } catch (error) {
        // Kept for the next run (a `conflict` is retried by CoalescedRuns).
        batch.ace.forEach((id) => this.waiting.ace.add(id));
        batch.odoo.forEach((id) => this.waiting.odoo.add(id));
        throw error;
      }
    });
    return this.requested.request();
  }

  /** Candidate pairs of the focus, each with its features and score (nothing stored). */
  async scoreCandidates(
    focus: Focus,
    onProgress: ProgressListener = ignoreProgress,
  ): Promise<ScoredCandidates> {
    const started = performance.now();
    const model = await this.candidatesRepository.embeddingModel();
    onProgress({ stage: 'candidates', item: focus.side, done: 0, total: 1 });
    const candidates = await this.candidatesRepository.candidates(focus, {
      maxKeyRecords: this.config.MATCH_MAX_KEY_RECORDS,
      nameSimilarity: this.config.MATCH_NAME_SIMILARITY,
      neighbours: this.config.MATCH_VECTOR_NEIGHBOURS,
      model,
    });
    onProgress({ stage: 'candidates', item: focus.side, done: 1, total: 1 });
    const candidatesDone = performance.now();
    const features: PairFeatures[] = [];
    const batches = chunk([...candidates], FEATURE_BATCH);
    for (const batch of batches) {
      features.push(...(await this.candidatesRepository.features(new Map(batch), model)));
      onProgress({ stage: 'score', item: 'pairs', done: features.length, total: candidates.size });
    }
    const scored = features.map((f) => scorePair(f, this.weights));
    const timingsMs = {
      candidates: Math.round(candidatesDone - started),
      score: Math.round(performance.now() - candidatesDone),
    };
    return { candidates, features, scored, modelId: model?.id ?? null, timingsMs };
  }

  private async run(
    jobRunId: string,
    changed: ChangedOpportunities | null,
    onProgress: ProgressListener,
  ): Promise<MatchRunSummary> {
    if (!changed) await this.candidatesRepository.analyze();
    const decided = await this.matches.decided();
    const scope = changed
      ? await this.affectedAce(changed, decided)
      : new Set([
          ...(await this.candidatesRepository.matchableAceIds()),
          // matches of ACE opportunities no longer matchable are superseded
          ...decided.filter((d) => d.status !== 'rejected').map((d) => d.aceId),
        ]);
    const { candidates, scored, modelId, timingsMs } = await this.scoreCandidates(
      { side: 'ace', ids: changed ? [...scope] : null },
      onProgress,
    );
    const takenAce = new Set<string>();
    const takenOdoo = new Set<string>();
    const rejected = new Set<string>();
    for (const d of decided) {
      if (d.status === 'rejected') rejected.add(pairKey(d.aceId, d.odooId));
      else if (d.status === 'approved' || !scope.has(d.aceId)) {
        takenAce.add(d.aceId);
        takenOdoo.add(d.odooId);
      }
    }
    const assignments = assign(
      scored.filter((p) => scope.has(p.aceId)),
      {
        autoLinkAt: this.config.MATCH_AUTO_LINK_PROBABILITY,
        reviewAt: this.config.MATCH_REVIEW_PROBABILITY,
        takenAce,
        takenOdoo,
        rejected,
      },
    );
    onProgress({ stage: 'save', item: 'matches', done: 0, total: 1 });
    const saveStarted = performance.now();
    const saved = await this.matches.saveDecisions(jobRunId, scope, assignments);
    const unmatchableRedacted = await this.matches.recordRedacted(
      jobRunId,
      changed ? changed.ace : null,
    );
    onProgress({ stage: 'save', item: 'matches', done: 1, total: 1 });
    return {
      aceOpportunities: scope.size,
      candidates: candidates.size,
      autoLinked: assignments.filter((a) => a.status === 'auto_linked').length,
      proposed: assignments.filter((a) => a.status === 'proposed').length,
      ...saved,
      unmatchableRedacted,
      modelId,
      timingsMs: { ...timingsMs, save: Math.round(performance.now() - saveStarted) },
    };
  }

  /**
   * The ACE opportunities a change can move: the changed ones, those that have the changed
   * Odoo leads as candidates, and those whose live match names a changed lead.
   */
  private async affectedAce(
    changed: ChangedOpportunities,
    decided: { aceId: string; odooId: string; status: string }[],
  ): Promise<Set<string>> {
    const scope = new Set(changed.ace);
    if (changed.odoo.length === 0) return scope;
    const odoo = new Set(changed.odoo);
    for (const d of decided) {
      if (d.status !== 'rejected' && odoo.has(d.odooId)) scope.add(d.aceId);
    }
    const model = await this.candidatesRepository.embeddingModel();
    const reverse = await this.candidatesRepository.candidates(
      { side: 'odoo', ids: changed.odoo },
      {
        maxKeyRecords: this.config.MATCH_MAX_KEY_RECORDS,
        nameSimilarity: this.config.MATCH_NAME_SIMILARITY,
        neighbours: this.config.MATCH_VECTOR_NEIGHBOURS,
        model,
      },
    );
    for (const key of reverse.keys()) scope.add(key.slice(0, key.lastIndexOf(':')));
    return scope;
  }

  /** An analyst's approval or rejection (see ReviewRepository.decide). */
  decide(
    id: string,
    to: 'approved' | 'rejected',
    body: { version: number; note?: string; allowMultiple?: boolean },
    actor: string,
  ) {
    if (!/^\d+$/.test(id)) {
      throw new DomainException('not_found', `No match ${id}`, { id });
    }
    this.logger.log({ msg: 'Match decision', id, to, actor });
    return this.review.decide({
      id,
      to,
      version: body.version,
      note: body.note ?? null,
      actor,
      allowMultiple: body.allowMultiple ?? false,
    });
  }
}
