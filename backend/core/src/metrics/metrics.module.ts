import { Global, Module } from '@nestjs/common';
import { ConsumerLag } from './consumer-lag';
import { HttpMetrics } from './http-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics-registry';
import { OpsGauges } from './ops-gauges';
import { OpsMetricsRepository } from './ops-metrics.repository';
import { RunMetrics } from './run-metrics';

/**
 * The app's registry and the series services count into, in every context (a script's
 * runs are counted too, and never served). Global: feature modules inject them without
 * importing anything; a feature module adds its own series to the registry.
 */
@Global()
@Module({
  providers: [MetricsRegistry, RunMetrics, ConsumerLag],
  exports: [MetricsRegistry, RunMetrics, ConsumerLag],
})
export class MetricsModule {}

/** /metrics, the ops.* gauges it reads at scrape time and the HTTP request series: HTTP processes only. */
@Module({
  controllers: [MetricsController],
  providers: [HttpMetrics, OpsMetricsRepository, OpsGauges],
})
export class MetricsEndpointModule {}
