import { Body, Controller, Get, HttpCode, Logger, Param, Post, Query } from '@nestjs/common';
import {
  AcceptedRunDto,
  ConflictWhen,
  acceptedRun,
  actorOf,
  CurrentPrincipal,
  NoBody,
  NoQueryParameters,
  RateLimit,
  Roles,
  RunDto,
} from '@revops/core';
import type { Principal } from '@revops/core';
import { TransformationService } from '../transformation.service';
import { TransformRunParams } from './transformation.dto';

@Controller('transform')
export class TransformationController {
  private readonly logger = new Logger(TransformationController.name);

  constructor(private readonly transformation: TransformationService) {}

  /**
   * 202 with the job run id; follow it at GET /api/v1/transform/runs/{id}. 400 names the
   * entities there are; 409 while a transform runs.
   */
  @Post(':entity')
  @ConflictWhen('A transform is running')
  @HttpCode(202)
  @RateLimit('runs')
  @Roles('engineer')
  async transform(
    @Param('entity') entity: string,
    @Body() _body: NoBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AcceptedRunDto> {
    return acceptedRun(
      await this.transformation.startTransform(entity, actorOf(principal)),
      'transform',
      '/api/v1/transform/runs',
      this.logger,
    );
  }

  /** A transform run: status, timings and the rows it wrote. */
  @Get('runs/:id')
  async run(
    @Param() { id }: TransformRunParams,
    @Query() _query: NoQueryParameters,
  ): Promise<RunDto> {
    return this.transformation.getRun(id);
  }
}
