import { Body, Controller, Get, HttpCode, Logger, Param, Post, Query } from '@nestjs/common';
import {
  AcceptedRunDto,
  ConflictWhen,
  acceptedRun,
  actorOf,
  CurrentPrincipal,
  NoBody,
  NoQueryParameters,
  pageOf,
  RateLimit,
  Roles,
  RunDto,
} from '@revops/core';
import type { Principal } from '@revops/core';
import {
  MatchDetailDto,
  MatchDto,
  MatchingModelDto,
  MatchPageDto,
  MatchStatsDto,
  PairComparisonDto,
  UnmatchablePageDto,
} from '../dto/match.dto';
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

const STALE_VERSION =
  'The match changed since it was read (another version), or a side is linked elsewhere';
const MATCHING_BUSY = 'A matching run or a training is going';

@Controller('matches')
export class MatchesController {
  constructor(private readonly review: ReviewService) {}

  /** Newest first, each with both opportunities at a glance; `?status=proposed` is the review queue. Explanations' contact values are masked for analysts. */
  @Get()
  async list(
    @Query() query: MatchesQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MatchPageDto> {
    const filters = { ...query, limit: query.limit + 1, before: query.cursor };
    const rows = await this.review.list(filters, principal);
    return pageOf(rows, query.limit, (last) => last.id);
  }

  /** Every match counted by status and by probability (bins of 0.1), for the dashboard. */
  @Get('stats') // before `:id`, which would take `stats` for a match id
  stats(@Query() _query: NoQueryParameters): Promise<MatchStatsDto> {
    return this.review.stats();
  }

  /** Links a pair by hand: 201 with the approved match; 409 if a side is linked elsewhere. */
  @Post()
  @ConflictWhen('A side is linked elsewhere (send allowMultiple)')
  link(@Body() body: ManualLinkBody, @CurrentPrincipal() principal: Principal): Promise<MatchDto> {
    return this.review.link(body, principal).then(({ match }) => match);
  }

  /** The match, its explanation, and both opportunities side by side as CORE has them now (contact details, and the explanation's contact values, masked for analysts). */
  @Get(':id')
  get(
    @Param() { id }: MatchParams,
    @Query() _query: NoQueryParameters,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MatchDetailDto> {
    return this.review.get(id, principal);
  }

  /** Confirms the match with the version you read (409 if it changed since). */
  @Post(':id/approve')
  @ConflictWhen(STALE_VERSION)
  @HttpCode(200)
  approve(
    @Param() { id }: MatchParams,
    @Body() body: MatchDecisionBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MatchDto> {
    return this.review.decide(id, 'approved', body, principal);
  }

  /** Rejects the match with the version you read (409 if it changed since). */
  @Post(':id/reject')
  @ConflictWhen(STALE_VERSION)
  @HttpCode(200)
  reject(
    @Param() { id }: MatchParams,
    @Body() body: MatchDecisionBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MatchDto> {
    return this.review.decide(id, 'rejected', body, principal);
  }
}

@Controller('matching')
export class MatchingController {
  private readonly logger = new Logger(MatchingController.name);

  constructor(
    private readonly matching: MatchingService,
    private readonly models: MatchingModelService,
    private readonly review: ReviewService,
  ) {}

  /** A full re-match: 202 with the run id; 409 while a matching run or training is going. */
  @Post('run')
  @ConflictWhen(MATCHING_BUSY)
  @HttpCode(202)
  @RateLimit('runs')
  @Roles('engineer')
  async run(
    @Body() _body: NoBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AcceptedRunDto> {
    return acceptedRun(
      await this.matching.startAll(actorOf(principal)),
      'match',
      '/api/v1/matching/runs',
      this.logger,
    );
  }

  /** Trains a new model version on the live records and the decisions: 202 with the run id. */
  @Post('model/train')
  @ConflictWhen(MATCHING_BUSY)
  @HttpCode(202)
  @RateLimit('runs')
  @Roles('engineer')
  async train(
    @Body() _body: NoBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AcceptedRunDto> {
    return acceptedRun(
      await this.models.startTraining(actorOf(principal)),
      'match',
      '/api/v1/matching/runs',
      this.logger,
    );
  }

  /** The model runs score with: the newest trained version (or the shipped default). */
  @Get('model')
  model(@Query() _query: NoQueryParameters): Promise<MatchingModelDto> {
    return this.models.describe();
  }

  /** Why (not)? The waterfall of any pair, and whether a candidate rule finds it (contact values masked for analysts). */
  @Get('compare')
  compare(
    @Query() { aceId, odooId }: CompareQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PairComparisonDto> {
    return this.review.compare(aceId, odooId, principal);
  }

  /** A matching run's or training's record: status, duration and its summary in `details`. */
  @Get('runs/:id')
  runRecord(
    @Param() { id }: MatchingRunParams,
    @Query() _query: NoQueryParameters,
  ): Promise<RunDto> {
    return this.matching.getRun(id);
  }

  /**
   * Opportunities matching leaves out on purpose, and why ("redacted"): every one, on one
   * page, in the list shape of every other list.
   */
  @Get('unmatchable')
  async unmatchable(@Query() _query: NoQueryParameters): Promise<UnmatchablePageDto> {
    return { items: await this.review.unmatchable(), nextCursor: null };
  }
}
