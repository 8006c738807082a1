import { Body, Controller, Get, HttpCode, Logger, Param, Post, Query } from '@nestjs/common';
import {
  acceptedRun,
  actorOf,
  CurrentPrincipal,
  DomainException,
  JobRunsService,
  Roles,
} from '@revops/core';
import type { JobRunEntity } from '@revops/models';
import type { AcceptedRun, Principal } from '@revops/core';
import { MatchRow } from '../matches.repository';
import { ReviewRepository } from '../review.repository';
import { MatchingService } from '../matching.service';
import { MatchDecisionBody, MatchesQuery, MatchingRunParams, MatchParams } from './matches.dto';

@Controller('matches')
export class MatchesController {
  constructor(
    private readonly matches: ReviewRepository,
    private readonly matching: MatchingService,
  ) {}

  /** Newest first; `?status=proposed` is the review queue. */
  @Get()
  async list(
    @Query() query: MatchesQuery,
  ): Promise<{ items: MatchRow[]; nextCursor: string | null }> {
    const items = await this.matches.list({ ...query, before: query.cursor });
    return {
      items,
      nextCursor: items.length === query.limit ? items[items.length - 1].id : null,
    };
  }

  /** The match, its explanation, and both opportunities side by side as CORE has them now. */
  @Get(':id')
  async get(@Param() { id }: MatchParams) {
    const match = await this.matches.find(id);
    if (!match) throw new DomainException('not_found', `No match ${id}`, { id });
    return { match, ...(await this.matches.records(match.odooId, match.aceId)) };
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(
    @Param() { id }: MatchParams,
    @Body() body: MatchDecisionBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MatchRow> {
    return this.matching.decide(id, 'approved', body, actorOf(principal));
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(
    @Param() { id }: MatchParams,
    @Body() body: MatchDecisionBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MatchRow> {
    return this.matching.decide(id, 'rejected', body, actorOf(principal));
  }
}

@Controller('matching')
export class MatchingController {
  private readonly logger = new Logger(MatchingController.name);

  constructor(
    private readonly matching: MatchingService,
    private readonly matches: ReviewRepository,
    private readonly jobs: JobRunsService,
  ) {}

  /** A full re-match: 202 with the run id; 409 while a matching run is going. */
  @Post('run')
  @HttpCode(202)
  @Roles('engineer')
  async run(@CurrentPrincipal() principal: Principal): Promise<AcceptedRun> {
    return acceptedRun(
      await this.matching.startAll(actorOf(principal)),
      '/api/v1/matching/runs',
      this.logger,
    );
  }

  /** A matching run's record: status, duration and its summary (counts) in `details`. */
  @Get('runs/:id')
  async runRecord(@Param() { id }: MatchingRunParams): Promise<JobRunEntity> {
    const run = await this.jobs.get(id);
    if (!run.jobName.startsWith('match:')) {
      throw new DomainException('not_found', `No matching run ${id}`, { id });
    }
    return run;
  }

  /** Opportunities matching leaves out on purpose, and why ("redacted"). */
  @Get('unmatchable')
  unmatchable(): Promise<{ source: string; sourceId: string; reason: string; since: string }[]> {
    return this.matches.unmatchable();
  }
}
