import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { DATABASE } from '../database/database.module';
import type { Database } from '../database/create-data-source';
import { SERVICE_NAME } from '../service-name';
import { DependencyStatusDto, HealthDto, LivenessDto, ReadinessDto } from './health.dto';
import { ReadinessService } from './readiness.service';

/**
 * Liveness (`/health/live`: the process answers), readiness (`/health/ready`: each
 * dependency answers in time) and `/health` (database reachability, as scripts and
 * tests have always read it, bounded like readiness's database check). Public, so load
 * balancers and orchestrators need no key.
 */
@Controller('health')
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(
    @Inject(SERVICE_NAME) private readonly serviceName: string,
    @Inject(DATABASE) private readonly database: Database,
    private readonly readiness: ReadinessService,
  ) {}

  @Public()
  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthDto> {
    const database = await this.readiness.database();
    if (database.status === 'down') response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: database.status === 'up' ? 'ok' : 'degraded',
      service: this.serviceName,
      database: { kind: this.database.kind, ...database },
      uptimeSeconds: this.uptimeSeconds(),
    };
  }

  /** Touches no dependency: a process that answers is alive, whatever its database does. */
  @Public()
  @Get('live')
  live(): LivenessDto {
    return { status: 'ok', service: this.serviceName, uptimeSeconds: this.uptimeSeconds() };
  }

  @Public()
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessDto> {
    const { ready, result } = await this.readiness.check();
    if (!ready) response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: ready ? 'ok' : 'error',
      service: this.serviceName,
      info: (result.info ?? {}) as Record<string, DependencyStatusDto>,
      error: (result.error ?? {}) as Record<string, DependencyStatusDto>,
      details: result.details as Record<string, DependencyStatusDto>,
    };
  }

  private uptimeSeconds(): number {
    return Math.round((Date.now() - this.startedAt) / 1000);
  }
}
