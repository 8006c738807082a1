import { DynamicModule, MiddlewareConsumer, Module, NestModule, Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ApiKeyGuard } from './auth/api-key.guard';
import { AuthModule } from './auth/auth.module';
import { CoreConfig } from './config/core.config';
import { loadConfig } from './config/load-config';
import { DatabaseModule } from './database/database.module';
import { GlobalExceptionFilter } from './errors/global-exception.filter';
import { EventsModule } from './events/events.module';
import { createValidationPipe } from './errors/validation.pipe';
import { HealthModule, ReadinessChecksModule } from './health/health.module';
import { CorrelationMiddleware } from './http/correlation.middleware';
import { MetricsEndpointModule, MetricsModule } from './metrics/metrics.module';
import { OpsModule } from './ops/ops.module';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { SERVICE_NAME } from './service-name';

export interface CoreOptions {
  /**
   * Whether the process serves HTTP (default true). A script's application context
   * (`false`) gets config, the database, keys, ops, events and the metric counters, but
   * not the HTTP edge: no rate limits (nor their Redis connection), guards, filter, pipe,
   * /health or /metrics (nor the process metrics' event-loop monitor).
   */
  http?: boolean;
}

/**
 * What every service process needs: validated config, the database, API-key auth and
 * rate limits on every route, input validation, one exception filter, correlation ids,
 * /health and /metrics; a script's context passes `{ http: false }` for the part without HTTP.
 * Import it once, in the app module of a process; feature modules never import it.
 */
@Module({})
export class CoreModule implements NestModule {
  static forRoot(serviceName: string, { http = true }: CoreOptions = {}): DynamicModule {
    const configModule: DynamicModule = {
      module: class CoreConfigModule {},
      global: true,
      providers: [
        { provide: CoreConfig, useFactory: () => loadConfig(CoreConfig) },
        { provide: SERVICE_NAME, useValue: serviceName },
      ],
      exports: [CoreConfig, SERVICE_NAME],
    };
    // The HTTP edge: absent from a script's application context.
    const httpImports = http ? [RateLimitModule, MetricsEndpointModule, HealthModule] : [];
    const httpProviders: Provider[] = http
      ? [
          // Guards run in this order: the rate limit first, so requests that will answer 401
          // are counted (by address) too; it finds the key itself and ApiKeyGuard reuses it.
          { provide: APP_GUARD, useClass: RateLimitGuard },
          { provide: APP_GUARD, useClass: ApiKeyGuard },
          { provide: APP_FILTER, useClass: GlobalExceptionFilter },
          { provide: APP_PIPE, useFactory: createValidationPipe },
        ]
      : [];
    return {
      module: CoreModule,
      imports: [
        configModule,
        DatabaseModule.forRoot(serviceName),
        AuthModule,
        MetricsModule,
        OpsModule,
        EventsModule,
        ReadinessChecksModule,
        ...httpImports,
      ],
      providers: httpProviders,
      // MetricsModule and ReadinessChecksModule are global: every module sees them as it is.
      exports: [configModule, DatabaseModule, AuthModule, OpsModule, EventsModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('{*splat}');
  }
}
