import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { CoreConfig } from './config/core.config';
import { loadConfig } from './config/load-config';
import { DatabaseModule } from './database/database.module';
import { GlobalExceptionFilter } from './errors/global-exception.filter';
import { EventsModule } from './events/events.module';
import { createValidationPipe } from './errors/validation.pipe';
import { HealthController } from './health/health.controller';
import { CorrelationMiddleware } from './http/correlation.middleware';
import { OpsModule } from './ops/ops.module';
import { SERVICE_NAME } from './service-name';

/**
 * What every service process needs: validated config, the database, API-key auth on
 * every route, input validation, one exception filter, correlation ids and /health.
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
        OpsModule,
        EventsModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: GlobalExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [configModule, DatabaseModule, AuthModule, OpsModule, EventsModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('{*splat}');
  }
}
