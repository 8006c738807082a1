import { Body, Controller, Get, HttpCode, Logger, Param, Post, Query } from '@nestjs/common';
import {
  acceptedRun,
  actorOf,
  CurrentPrincipal,
  NoBody,
  NoQueryParameters,
  Roles,
} from '@revops/core';
import type { AcceptedRun, Principal } from '@revops/core';
import { JobRunEntity } from '@revops/models';
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
  @HttpCode(202)
  @Roles('engineer')
  async transform(
    @Param('entity') entity: string,
    @Body() _body: NoBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AcceptedRun> {
    return acceptedRun(
      await this.transformation.startTransform(entity, actorOf(principal)),
      '/api/v1/transform/runs',
      this.logger,
    );
  }

  @Get('runs/:id')
  run(
    @Param() { id }: TransformRunParams,
    @Query() _query: NoQueryParameters,
  ): Promise<JobRunEntity> {
    return this.transformation.getRun(id);
  }
}
