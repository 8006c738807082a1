import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { DATABASE } from '../database/database.module';
import { isDatabaseUp } from '../database/create-data-source';
import type { Database } from '../database/create-data-source';
import { SERVICE_NAME } from '../service-name';

/** Liveness and database reachability; public so load balancers need no key. */
@Controller('health')
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(
    @Inject(SERVICE_NAME) private readonly serviceName: string,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  @Public()
  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<Record<string, unknown>> {
    const database = (await isDatabaseUp(this.database)) ? 'up' : 'down';
    if (database === 'down') response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: database === 'up' ? 'ok' : 'degraded',
      service: this.serviceName,
      database: { kind: this.database.kind, status: database },
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    };
  }
}
