import { Injectable, Logger } from '@nestjs/common';
import { ignoreProgress, JobRunsService, ProgressListener } from '@revops/core';
import { pairKey } from './blocking/blocking';
import type { MatchingModelDto } from './dto/match.dto';
import { MatchingConfig } from './matching.config';
import { MATCH_BUSY, MATCH_LOCK, MATCH_TRAIN_JOB } from './matching.jobs';
import { MatchingModelsRepository, StoredModel } from './matching-models.repository';
import { MatchPairsService } from './match-pairs.service';
import { DEFAULT_MODEL } from './model/default-model';
import { estimateModel, estimateU, SessionSummary, TrainingPair } from './model/estimate';
import { MatchModel } from './model/match-model';
import { randomPairKeys } from './model/random-pairs';
import { encodeObservations } from './model/score';

/** Random pairs whose text cosine is read for u (the text levels are common: this is plenty). */
const TEXT_SAMPLE = 20_000;

export interface TrainingSummary {
  version: number;
  records: { odoo: number; ace: number };
  pairsTotal: number;
  randomPairs: number;
  candidates: number;
  labelled: { matches: number; nonMatches: number };
  iterations: number;
  converged: boolean;
  /** The EM sessions: which pairs each estimated on, and how it converged. */
  sessions: SessionSummary[];
  /** Expected same-deal and other-deal pairs among the candidates. */
  expected: { deal: number; otherDeal: number };
  embeddingModel: string | null;
  timingsMs: { records: number; u: number; candidates: number; em: number };
}

/**
 * The matching model: the newest one trained on this deployment's records, else the shipped
 * default. Training estimates u from random pairs and m (and the priors) by EM over the
 * candidate pairs, with the analysts' decisions as labels, and stores a new version.
 */
@Injectable()
export class MatchingModelService {
  private readonly logger = new Logger(MatchingModelService.name);

  constructor(
    private readonly config: MatchingConfig,
    private readonly pairs: MatchPairsService,
    private readonly models: MatchingModelsRepository,
    private readonly jobs: JobRunsService,
  ) {}

  /** The model a run scores with: the newest trained version, else the shipped default. */
  async current(): Promise<MatchModel> {
    const newest = await this.models.newest();
    return newest ? { version: newest.version, parameters: newest.parameters } : DEFAULT_MODEL;
  }

  /** The model runs score with, as the API sends it. */
  async describe(): Promise<MatchingModelDto> {
    const newest = await this.models.newest();
    const current = newest ?? DEFAULT_MODEL;
    return {
      version: current.version,
      trainedBy: newest?.trainedBy ?? null,
      createdAt: newest?.createdAt ?? null,
      summary: newest?.summary ?? null,
      parameters: { ...current.parameters },
    };
  }

  /** The newest stored model with its summary (null: none trained yet). */
  newest(): Promise<StoredModel | null> {
    return this.models.newest();
  }

  /** A training as a job; rejects with `conflict` while a run or training is going. */
  startTraining(
    trainedBy: string,
    onProgress: ProgressListener = ignoreProgress,
  ): Promise<{ jobRunId: string; done: Promise<TrainingSummary & { jobRunId: string }> }> {
    return this.jobs.beginExclusive(
      MATCH_LOCK,
      MATCH_BUSY,
      MATCH_TRAIN_JOB,
      trainedBy,
      (jobRunId) => this.trainWithin(jobRunId, trainedBy, onProgress),
    );
  }

  async trainNow(trainedBy: string, onProgress: ProgressListener = ignoreProgress) {
    return (await this.startTraining(trainedBy, onProgress)).done;
  }

  /**
   * A training inside a job run that already holds the matching lock (its own, or the first
   * full match's): see startTraining.
   */
  async trainWithin(
    jobRunId: string,
    trainedBy: string,
    listener: ProgressListener,
  ): Promise<TrainingSummary> {
    const started = performance.now();
    // Each step's start goes to the log too: a training started over the API has no console.
    let step = '';
    const onProgress: ProgressListener = (event) => {
      if (event.stage !== step) {
        step = event.stage;
        this.logger.log({ msg: 'Matching model training', jobRunId, step, total: event.total });
      }
      listener(event);
    };
    onProgress({ stage: 'records', item: 'opportunities', done: 0, total: 1 });
    await this.pairs.refreshStatistics();
    const { context, embedding } = await this.pairs.context();
    onProgress({ stage: 'records', item: 'opportunities', done: 1, total: 1 });
    const recordsDone = performance.now();

    const random = randomPairKeys([...context.ace.keys()], [...context.odoo.keys()], this.config.MATCH_TRAINING_RANDOM_PAIRS); // prettier-ignore
    const withText = await this.pairs.observe(context, random.slice(0, TEXT_SAMPLE), embedding);
    const withoutText = await this.pairs.observe(context, random.slice(TEXT_SAMPLE), embedding, {
      withText: false,
      onProgress: (e) => onProgress({ ...e, stage: 'u', item: 'random pairs' }),
    });
    const start = estimateU(
      [...withText, ...withoutText].map((o) => encodeObservations(o, null)),
      DEFAULT_MODEL.parameters,
    );
    const uDone = performance.now();

    const candidates = await this.pairs.candidates(context, embedding);
    const keys = [...candidates.keys()];
    const observations = await this.pairs.observe(context, keys, embedding, {
      onProgress: (e) => onProgress({ ...e, stage: 'candidates', item: 'pairs' }),
    });
    const labels = new Map(
      (await this.models.decisions()).map((d) => [pairKey(d.aceId, d.odooId), d.approved]),
    );
    const training: TrainingPair[] = observations.map((o, i) => ({
      ...encodeObservations(o, context.tf),
      label: labels.get(keys[i]),
    }));
    const candidatesDone = performance.now();

    const result = estimateModel(training, start, {
      pairsTotal: context.pairsTotal,
      minU: 1 / context.tf.records,
      onIteration: (iteration) => onProgress({ stage: 'em', item: 'iterations', done: iteration, total: 200 }), // prettier-ignore
    });
    const emDone = performance.now();
    const summary = {
      records: { odoo: context.odoo.size, ace: context.ace.size },
      pairsTotal: context.pairsTotal,
      randomPairs: random.length,
      candidates: keys.length,
      labelled: {
        matches: training.filter((t) => t.label === true).length,
        nonMatches: training.filter((t) => t.label === false).length,
      },
      iterations: result.sessions.reduce((n, session) => n + session.iterations, 0),
      converged: result.sessions.filter((s) => s.iterations > 0).every((s) => s.converged),
      sessions: result.sessions,
      expected: { deal: Math.round(result.expected.deal), otherDeal: Math.round(result.expected.otherDeal) }, // prettier-ignore
      embeddingModel: embedding?.id ?? null,
      timingsMs: {
        records: Math.round(recordsDone - started),
        u: Math.round(uDone - recordsDone),
        candidates: Math.round(candidatesDone - uDone),
        em: Math.round(emDone - candidatesDone),
      },
    };
    const stored = await this.models.save({ parameters: result.parameters, summary, trainedBy, jobRunId }); // prettier-ignore
    this.logger.log({ msg: 'Matching model trained', version: stored.version, ...summary });
    return { version: stored.version, ...summary };
  }
}
