import { Controller, Get, HttpCode, Logger, Param, Post, Query } from '@nestjs/common';
import { actorOf, CurrentPrincipal, Roles } from '@revops/core';
import type { Principal } from '@revops/core';
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
  async run(
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ jobRunId: string; status: 'running'; links: { run: string } }> {
    const { jobRunId, done } = await this.validation.startRun(actorOf(principal));
    // The outcome is in the run record; a failure is logged there and here, never lost.
    done.catch((error: unknown) =>
      this.logger.error({ msg: 'Requested validation failed', jobRunId, error: String(error) }),
    );
    return { jobRunId, status: 'running', links: { run: `/api/v1/validate/runs/${jobRunId}` } };
  }

  /** The run's status and, per rule, its severity, count and a sample of offending ids. */
  @Get('runs/:id')
  runReport(@Param() { id }: ValidationRunParams): Promise<ValidationRunReport> {
    return this.validation.report(id);
  }

  @Get('rules')
  rules(): readonly ValidationRule[] {
    return this.validation.rules();
  }

  /** Rows failing an error rule, held back from search and matching. */
  @Get('held')
  async held(
    @Query() query: HeldRecordsQuery,
  ): Promise<{ items: HeldRecord[]; nextCursor: string | null }> {
    const items = await this.validation.held(query.entity, query.limit, query.cursor);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: items.length === query.limit ? `${last.entity}:${last.recordId}` : null,
    };
  }
}
