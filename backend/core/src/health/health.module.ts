import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { BrokerHealth } from './broker-health';
import { HealthController } from './health.controller';
import { ReadinessService } from './readiness.service';

/** /health, /health/live and /health/ready; feature modules add dependencies to readiness. */
@Global()
@Module({
  // The readiness service logs each failing dependency itself, through winston.
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [ReadinessService, BrokerHealth],
  exports: [ReadinessService],
})
export class HealthModule {}
