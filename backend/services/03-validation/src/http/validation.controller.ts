import { Body, Controller, Get, HttpCode, Logger, Param, Post, Query } from '@nestjs/common';
import {
  acceptedRun,
  actorOf,
  CurrentPrincipal,
  NoBody,
  NoQueryParameters,
  pageOf,
  Roles,
} from '@revops/core';
import type { AcceptedRun, Page, Principal } from '@revops/core';
import { ValidationRule } from '../rules/validation-rule';
import { HeldRecord } from '../validation.repository';
import { ValidationRunReport, ValidationService } from '../validation.service';
import { HeldRecordsQuery, ValidationRunParams } from './validation.dto';

@Controller('validate')
export class ValidationController {
  private readonly logger = new Logger(ValidationController.name);

  constructor(private readonly validation: ValidationService) {}

  /** 202 with the run id; follow it at GET /api/v1/validate/runs/{id}. 409 while one runs. */
  @Post('run')
  @HttpCode(202)
  @Roles('engineer')
  async run(@Body() _body: NoBody, @CurrentPrincipal() principal: Principal): Promise<AcceptedRun> {
    return acceptedRun(
      await this.validation.startRun(actorOf(principal)),
      '/api/v1/validate/runs',
      this.logger,
    );
  }

  /** The run's status and, per rule, its severity, count and a sample of offending ids. */
  @Get('runs/:id')
  runReport(
    @Param() { id }: ValidationRunParams,
    @Query() _query: NoQueryParameters,
  ): Promise<ValidationRunReport> {
    return this.validation.report(id);
  }

  @Get('rules')
  rules(@Query() _query: NoQueryParameters): readonly ValidationRule[] {
    return this.validation.rules();
  }

  /** Rows failing an error rule, held back from search and matching. */
  @Get('held')
  async held(@Query() query: HeldRecordsQuery): Promise<Page<HeldRecord>> {
    const rows = await this.validation.held(query.entity, query.limit + 1, query.cursor);
    return pageOf(rows, query.limit, (last) => `${last.entity}:${last.recordId}`);
  }
}
