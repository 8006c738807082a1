import { Controller, Get, HttpCode, Logger, Param, Post } from '@nestjs/common';
import { actorOf, CurrentPrincipal, Roles } from '@revops/core';
import type { Principal } from '@revops/core';
import { JobRunEntity } from '@revops/models';
import { TransformationService } from '../transformation.service';

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
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ jobRunId: string; status: 'running'; links: { run: string } }> {
    const { jobRunId, done } = await this.transformation.startTransform(entity, actorOf(principal));
    // The outcome is in the run record; a failure is logged there and here, never lost.
    done.catch((error: unknown) =>
      this.logger.error({ msg: 'Requested transform failed', jobRunId, error: String(error) }),
    );
    return { jobRunId, status: 'running', links: { run: `/api/v1/transform/runs/${jobRunId}` } };
  }

  @Get('runs/:id')
  run(@Param('id') id: string): Promise<JobRunEntity> {
    return this.transformation.getRun(id);
  }
}
