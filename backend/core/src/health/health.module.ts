import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { BrokerHealth } from './broker-health';
import { HealthController } from './health.controller';
import { ReadinessChecks } from './readiness-checks';
import { ReadinessService } from './readiness.service';

/**
 * Where feature modules register their readiness checks, in every context (scripts too).
 * Global: feature modules inject ReadinessChecks without importing anything.
 */
@Global()
@Module({ providers: [ReadinessChecks], exports: [ReadinessChecks] })
export class ReadinessChecksModule {}

/** /health, /health/live and /health/ready: HTTP processes only. */
@Module({
  // The readiness service logs each failing dependency itself, through winston.
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [ReadinessService, BrokerHealth],
})
export class HealthModule {}
