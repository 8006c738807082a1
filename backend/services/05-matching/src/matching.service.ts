import { Injectable, Logger } from '@nestjs/common';
import {
  CoalescedRuns,
  ignoreProgress,
  JobRunsService,
  ProgressListener,
  QuarantineRepository,
  RunDto,
} from '@revops/core';
import { CandidateSet, pairKey } from './blocking/blocking';
import { Observation } from './comparison/comparisons';
import { MatchingConfig } from './matching.config';
import { MATCH_ALL_JOB, MATCH_BUSY, MATCH_CHANGED_JOB, MATCH_LOCK } from './matching.jobs';
import { MatchingModelService, TrainingSummary } from './matching-model.service';
import { MatchesRepository, SaveSummary } from './matches.repository';
import { MatchPairsService } from './match-pairs.service';
import { EmbeddingModel } from './match-records.repository';
import { MatchModel } from './model/match-model';
import { PairScorer } from './model/score';
import { MatchContext, splitPairKey } from './records/match-context';
import { assign } from './scoring/assign';
import { ScoredPair } from './scoring/scored-pair';

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
  /**
   * Records this run could not read for matching, set aside in ops.quarantine (stage
   * `matching`); each is tried again once its CORE row changes.
   */
  quarantined: number;
  /** The embedding model whose vectors were compared. */
  modelId: string | null;
  /** The matching model version that scored the pairs (null: the shipped default). */
  modelVersion: number | null;
  /** A full match with no model trained yet trains the first one: its summary (else null). */
  training: TrainingSummary | null;
  /** Where the run's time went. */
  timingsMs: { candidates: number; score: number; save: number };
}

export interface ScoredCandidates {
  candidates: CandidateSet;
  observations: Observation[][];
  scored: ScoredPair[];
  context: MatchContext;
  model: MatchModel;
  /** The embedding model whose vectors were compared. */
  embedding: EmbeddingModel | null;
  timingsMs: { candidates: number; score: number };
}

/**
 * Odoo ↔ ACE matching: candidates (blocking/), every pair read by the comparisons
 * (comparison/) and scored by the newest matching model (model/), a one-to-one decision at
 * the thresholds (scoring/assign.ts), stored with its explanation (matches.repository.ts).
 * A full run decides every ACE opportunity; a run on changed opportunities decides only the
 * ACE opportunities they can affect.
 */
@Injectable()
export class MatchingService {
  private readonly waiting: { ace: Set<string>; odoo: Set<string> } = {
    ace: new Set(),
    odoo: new Set(),
  };
  private requested?: CoalescedRuns;

  private readonly logger = new Logger(MatchingService.name);

  constructor(
    private readonly config: MatchingConfig,
    private readonly pairs: MatchPairsService,
    private readonly models: MatchingModelService,
    private readonly matches: MatchesRepository,
    private readonly jobs: JobRunsService,
    private readonly quarantine: QuarantineRepository,
  ) {}

  /** A matching run's or training's record in the run shape. */
  getRun(id: string): Promise<RunDto> {
    return this.jobs.runRecord(id, 'match:', 'matching');
  }

  /** A full re-match, recorded as a job; rejects with `conflict` while a run is going. */
  async startAll(
    triggeredBy: string,
    onProgress: ProgressListener = ignoreProgress,
  ): Promise<{ jobRunId: string; done: Promise<MatchRunSummary & { jobRunId: string }> }> {
    return this.jobs.beginExclusive(
      MATCH_LOCK,
      MATCH_BUSY,
      MATCH_ALL_JOB,
      triggeredBy,
      (jobRunId) => this.run(jobRunId, null, triggeredBy, onProgress),
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
      MATCH_LOCK,
      MATCH_BUSY,
      MATCH_CHANGED_JOB,
      triggeredBy,
      (jobRunId) => this.run(jobRunId, changed, triggeredBy, ignoreProgress),
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

  /**
   * The candidate pairs of the given ACE opportunities (null: all), each read by the
   * comparisons and scored with the current model (nothing stored).
   */
  async scoreCandidates(
    aceIds: ReadonlySet<string> | null,
    onProgress: ProgressListener = ignoreProgress,
  ): Promise<ScoredCandidates> {
    const { context, embedding } = await this.pairs.context();
    return this.score(context, embedding, aceIds, onProgress);
  }

  private async score(
    context: MatchContext,
    embedding: EmbeddingModel | null,
    aceIds: ReadonlySet<string> | null,
    onProgress: ProgressListener,
  ): Promise<ScoredCandidates> {
    const started = performance.now();
    const model = await this.models.current();
    onProgress({ stage: 'candidates', item: 'opportunities', done: 0, total: 1 });
    const candidates = await this.pairs.candidates(
      context,
      embedding,
      aceIds ? { source: 'ace', ids: [...aceIds] } : undefined,
    );
    onProgress({ stage: 'candidates', item: 'opportunities', done: 1, total: 1 });
    const candidatesDone = performance.now();
    const keys = [...candidates.keys()];
    const observations = await this.pairs.observe(context, keys, embedding, {
      onProgress: (e) => onProgress({ ...e, stage: 'score' }),
    });
    const scorer = new PairScorer(model.parameters, context.tf);
    const scored = keys.map((key, i) => {
      const { score, probability, contributions } = scorer.score(observations[i]);
      const foundBy = [...candidates.get(key)!];
      return {
        ...splitPairKey(key),
        score,
        probability,
        explanation: { modelVersion: model.version, contributions, foundBy },
      };
    });
    const timingsMs = {
      candidates: Math.round(candidatesDone - started),
      score: Math.round(performance.now() - candidatesDone),
    };
    return { candidates, observations, scored, context, model, embedding, timingsMs };
  }

  private async run(
    jobRunId: string,
    changed: ChangedOpportunities | null,
    triggeredBy: string,
    onProgress: ProgressListener,
  ): Promise<MatchRunSummary> {
    if (!changed) await this.pairs.refreshStatistics();
    // The shipped default is a starting point: the first full match trains on the records.
    const training =
      !changed && !(await this.models.newest())
        ? await this.models.trainWithin(jobRunId, triggeredBy, onProgress)
        : null;
    const decided = await this.matches.decided();
    const { context, embedding, unreadable, recovered } = await this.pairs.context();
    await this.quarantine.setAside('matching', jobRunId, unreadable);
    for (const { table, keys } of recovered) await this.quarantine.resolve('matching', table, keys);
    for (const row of unreadable) {
      this.logger.warn({ msg: 'Record quarantined by matching', key: row.key, reason: row.reason });
    }
    const scope = changed
      ? await this.affectedAce(changed, decided, context, embedding)
      : new Set([
          ...context.ace.keys(),
          // matches of ACE opportunities no longer matchable are superseded
          ...decided.filter((d) => d.status !== 'rejected').map((d) => d.aceId),
        ]);
    const { candidates, scored, model, timingsMs } = await this.score(
      context,
      embedding,
      changed ? scope : null,
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
    const assignments = assign(scored, {
      autoLinkAt: this.config.MATCH_AUTO_LINK_PROBABILITY,
      reviewAt: this.config.MATCH_REVIEW_PROBABILITY,
      takenAce,
      takenOdoo,
      rejected,
    });
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
      quarantined: unreadable.length,
      modelId: embedding?.id ?? null,
      modelVersion: model.version,
      training,
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
    context: MatchContext,
    embedding: EmbeddingModel | null,
  ): Promise<Set<string>> {
    const scope = new Set(changed.ace);
    if (changed.odoo.length === 0) return scope;
    const odoo = new Set(changed.odoo);
    for (const d of decided) {
      if (d.status !== 'rejected' && odoo.has(d.odooId)) scope.add(d.aceId);
    }
    const focus = { source: 'odoo' as const, ids: changed.odoo };
    for (const key of (await this.pairs.candidates(context, embedding, focus)).keys()) {
      scope.add(splitPairKey(key).aceId);
    }
    return scope;
  }
}
