import { Controller, Get, Header, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { MetricsRegistry, processMetrics } from './metrics-registry';
import { OpsGauges } from './ops-gauges';

/**
 * Prometheus text format, for the scraper. Public (a scraper has no API key) like
 * /health: keep it off the public network at the load balancer. Outside /api/v1.
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly opsGauges: OpsGauges,
  ) {
    // At boot, not at the first scrape, so event-loop lag and GC are measured from the start.
    processMetrics();
  }

  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    await this.opsGauges.refresh();
    response.type(this.metrics.contentType);
    return this.metrics.text();
  }
}
