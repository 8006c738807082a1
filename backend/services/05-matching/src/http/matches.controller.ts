import { Body, Controller, Get, HttpCode, Logger, Param, Post, Query } from '@nestjs/common';
import {
  acceptedRun,
  actorOf,
  CurrentPrincipal,
  DomainException,
  JobRunsService,
  NoBody,
  NoQueryParameters,
  pageOf,
  Roles,
} from '@revops/core';
import type { JobRunEntity } from '@revops/models';
import type { AcceptedRun, Page, Principal } from '@revops/core';
import { PairComparison } from '../compare.service';
import { MatchDto } from '../dto/match.dto';
import { MatchingModelService } from '../matching-model.service';
import { MatchingService } from '../matching.service';
import { ReviewService } from '../review.service';
import {
  CompareQuery,
  ManualLinkBody,
  MatchDecisionBody,
  MatchesQuery,
  MatchingRunParams,
  MatchParams,
} from './matches.dto';

@Controller('matches')
export class MatchesController {
  constructor(private readonly review: ReviewService) {}

  /** Newest first; `?status=proposed` is the review queue. */
  @Get()
  async list(@Query() query: MatchesQuery): Promise<Page<MatchDto>> {
    const rows = await this.review.list({ ...query, limit: query.limit + 1, before: query.cursor });
    return pageOf(rows, query.limit, (last) => last.id);
  }

  /** Links a pair by hand: 201 with the approved match; 409 if a side is linked elsewhere. */
  @Post()
  link(@Body() body: ManualLinkBody, @CurrentPrincipal() principal: Principal): Promise<MatchDto> {
    return this.review.link(body, actorOf(principal)).then(({ match }) => match);
  }

  /** The match, its explanation, and both opportunities side by side as CORE has them now. */
  @Get(':id')
  get(@Param() { id }: MatchParams, @Query() _query: NoQueryParameters) {
    return this.review.get(id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(
    @Param() { id }: MatchParams,
    @Body() body: MatchDecisionBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MatchDto> {
    return this.review.decide(id, 'approved', body, actorOf(principal));
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(
    @Param() { id }: MatchParams,
    @Body() body: MatchDecisionBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MatchDto> {
    return this.review.decide(id, 'rejected', body, actorOf(principal));
  }
}

@Controller('matching')
export class MatchingController {
  private readonly logger = new Logger(MatchingController.name);

  constructor(
    private readonly matching: MatchingService,
    private readonly models: MatchingModelService,
    private readonly review: ReviewService,
    private readonly jobs: JobRunsService,
  ) {}

  /** A full re-match: 202 with the run id; 409 while a matching run or training is going. */
  @Post('run')
  @HttpCode(202)
  @Roles('engineer')
  async run(@Body() _body: NoBody, @CurrentPrincipal() principal: Principal): Promise<AcceptedRun> {
    return acceptedRun(
      await this.matching.startAll(actorOf(principal)),
      '/api/v1/matching/runs',
      this.logger,
    );
  }

  /** Trains a new model version on the live records and the decisions: 202 with the run id. */
  @Post('model/train')
  @HttpCode(202)
  @Roles('engineer')
  async train(
    @Body() _body: NoBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AcceptedRun> {
    return acceptedRun(
      await this.models.startTraining(actorOf(principal)),
      '/api/v1/matching/runs',
      this.logger,
    );
  }

  /** The model runs score with: the newest trained version (or the shipped default). */
  @Get('model')
  async model(@Query() _query: NoQueryParameters) {
    const newest = await this.models.newest();
    const current = await this.models.current();
    return {
      version: current.version,
      trainedBy: newest?.trainedBy ?? null,
      createdAt: newest?.createdAt ?? null,
      summary: newest?.summary ?? null,
      parameters: current.parameters,
    };
  }

  /** Why (not)? The waterfall of any pair, and whether a candidate rule finds it. */
  @Get('compare')
  compare(@Query() { aceId, odooId }: CompareQuery): Promise<PairComparison> {
    return this.review.compare(aceId, odooId);
  }

  /** A matching run's or training's record: status, duration and its summary in `details`. */
  @Get('runs/:id')
  async runRecord(
    @Param() { id }: MatchingRunParams,
    @Query() _query: NoQueryParameters,
  ): Promise<JobRunEntity> {
    const run = await this.jobs.get(id);
    if (!run.jobName.startsWith('match:')) {
      throw new DomainException('not_found', `No matching run ${id}`, { id });
    }
    return run;
  }

  /** Opportunities matching leaves out on purpose, and why ("redacted"). */
  /** Every one, on one page: the list shape of every other list, with no next page. */
  @Get('unmatchable')
  async unmatchable(
    @Query() _query: NoQueryParameters,
  ): Promise<Page<{ source: string; sourceId: string; reason: string; since: string }>> {
    return { items: await this.review.unmatchable(), nextCursor: null };
  }
}
