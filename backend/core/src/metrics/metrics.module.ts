import { Global, Module } from '@nestjs/common';
import { ConsumerLag } from './consumer-lag';
import { HttpMetrics } from './http-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics-registry';
import { OpsGauges } from './ops-gauges';
import { OpsMetricsRepository } from './ops-metrics.repository';
import { RunMetrics } from './run-metrics';

/** /metrics and the series every process has; a feature module adds its own to the registry. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    MetricsRegistry,
    HttpMetrics,
    RunMetrics,
    ConsumerLag,
    OpsMetricsRepository,
    OpsGauges,
  ],
  exports: [MetricsRegistry, HttpMetrics, RunMetrics, ConsumerLag],
})
export class MetricsModule {}
