import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ApiKeyGuard } from './auth/api-key.guard';
import { AuthModule } from './auth/auth.module';
import { CoreConfig } from './config/core.config';
import { loadConfig } from './config/load-config';
import { DatabaseModule } from './database/database.module';
import { GlobalExceptionFilter } from './errors/global-exception.filter';
import { EventsModule } from './events/events.module';
import { createValidationPipe } from './errors/validation.pipe';
import { HealthModule } from './health/health.module';
import { CorrelationMiddleware } from './http/correlation.middleware';
import { MetricsModule } from './metrics/metrics.module';
import { OpsModule } from './ops/ops.module';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { SERVICE_NAME } from './service-name';

/**
 * What every service process needs: validated config, the database, API-key auth and
 * rate limits on every route, input validation, one exception filter, correlation ids,
 * /health and /metrics.
 * Import it once, in the app module of a process; feature modules never import it.
 */
@Module({})
export class CoreModule implements NestModule {
  static forRoot(serviceName: string): DynamicModule {
    const configModule: DynamicModule = {
      module: class CoreConfigModule {},
      global: true,
      providers: [
        { provide: CoreConfig, useFactory: () => loadConfig(CoreConfig) },
        { provide: SERVICE_NAME, useValue: serviceName },
      ],
      exports: [CoreConfig, SERVICE_NAME],
    };
    return {
      module: CoreModule,
      imports: [
        configModule,
        DatabaseModule.forRoot(serviceName),
        AuthModule,
        RateLimitModule,
        MetricsModule,
        OpsModule,
        EventsModule,
        HealthModule,
      ],
      providers: [
        // Guards run in this order: the rate limit first, so requests that will answer 401
        // are counted (by address) too; it finds the key itself and ApiKeyGuard reuses it.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: GlobalExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [
        configModule,
        DatabaseModule,
        AuthModule,
        MetricsModule,
        OpsModule,
        EventsModule,
        HealthModule,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('{*splat}');
  }
}
