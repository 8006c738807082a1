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
} from '@revops/core';
import type { Principal } from '@revops/core';
import { ValidationService } from '../validation.service';
import {
  HeldRecordPageDto,
  HeldRecordsQuery,
  ValidationRuleDto,
  ValidationRunDto,
  ValidationRunParams,
} from './validation.dto';

@Controller('validate')
export class ValidationController {
  private readonly logger = new Logger(ValidationController.name);

  constructor(private readonly validation: ValidationService) {}

  /** 202 with the run id; follow it at GET /api/v1/validate/runs/{id}. 409 while one runs. */
  @Post('run')
  @ConflictWhen('A validation run is going')
  @HttpCode(202)
  @RateLimit('runs')
  @Roles('engineer')
  async run(
    @Body() _body: NoBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AcceptedRunDto> {
    return acceptedRun(
      await this.validation.startRun(actorOf(principal)),
      'validate',
      '/api/v1/validate/runs',
      this.logger,
    );
  }

  /** The run's status and, per rule, its severity, count and a sample of offending ids. */
  @Get('runs/:id')
  async runReport(
    @Param() { id }: ValidationRunParams,
    @Query() _query: NoQueryParameters,
  ): Promise<ValidationRunDto> {
    return this.validation.report(id);
  }

  /** Every data-quality rule: what it checks, on which rows, error or warning. */
  @Get('rules')
  rules(@Query() _query: NoQueryParameters): ValidationRuleDto[] {
    return this.validation.rules();
  }

  /** Rows failing an error rule, held back from search and matching. */
  @Get('held')
  async held(@Query() query: HeldRecordsQuery): Promise<HeldRecordPageDto> {
    const rows = await this.validation.held(query.entity, query.limit + 1, query.cursor);
    return pageOf(rows, query.limit, (last) => `${last.entity}:${last.recordId}`);
  }
}
