import { INestApplication, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Consumer, Kafka } from 'kafkajs';
import { ConfigValidationException } from '../config/config-validation.exception';
import { InProcessTransport } from '../events/in-process.transport';
import { kafkaConsumerOptions } from '../events/kafka-options';
import { CoreConfig } from '../config/core.config';
import { loadConfig } from '../config/load-config';
import { createLogger } from '../logging/create-logger';
import { WinstonNestLogger } from '../logging/winston-nest.logger';
import { ConsumerLag } from '../metrics/consumer-lag';
import { HttpMetrics } from '../metrics/http-metrics';
import { OPERATIONAL_ROUTES } from './operational-routes';
import { requestObserver } from './request-observer';

export const API_PREFIX = 'api/v1';

/** Settings shared by every HTTP process and by tests that build one. */
export function configureHttpApp(app: INestApplication): INestApplication {
  // Express announces itself in every answer; nothing a client needs, something an attacker uses.
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable(
    'x-powered-by',
  );
  // Probes and the scraper find these at the same place on every service.
  app.setGlobalPrefix(API_PREFIX, { exclude: OPERATIONAL_ROUTES });
  app.use(requestObserver(app.get(HttpMetrics)));
  app.enableShutdownHooks();
  return app;
}

/** How a process consumes the events its `@EventPattern` handlers subscribe to. */
export interface EventConsumers {
  /**
   * The Kafka consumer group of a service whose controllers have `@EventPattern`
   * handlers; it joins the group when KAFKA_BROKERS is set.
   */
  consumerGroup?: string;
  /**
   * The process holds every consumer (the all-in-one): without KAFKA_BROKERS its outbox
   * relay delivers events to its own handlers. Never for a single service, which would
   * take the events that the other services' handlers wait for.
   */
  inProcessEvents?: boolean;
}

export interface ServiceDefinition extends EventConsumers {
  serviceName: string;
  appModule: Type<unknown>;
  defaultPort: number;
  /** Routes added outside Nest's router (the OpenAPI document): before the app starts. */
  beforeListen?: (app: INestApplication) => Promise<void>;
}

/**
 * Connects and starts the app's event handlers: in `consumerGroup` on Kafka when
 * KAFKA_BROKERS is set, else on the in-process transport when the process holds every
 * consumer. Call before `app.init()`/`listen()`, so the relay sees the transport at boot.
 * Returns how events are consumed, or null when they are not (here).
 */
export async function startEventConsumers(
  app: INestApplication,
  clientId: string,
  consumers: EventConsumers,
): Promise<string | null> {
  const brokers = app.get(CoreConfig).KAFKA_BROKERS;
  const group = consumers.consumerGroup;
  if (brokers && group) {
    const microservice = app.connectMicroservice(kafkaConsumerOptions(clientId, brokers, group), {
      inheritAppConfig: true,
    });
    await app.startAllMicroservices();
    const [, consumer] = microservice.unwrap<[Kafka, Consumer]>();
    app.get(ConsumerLag).watch(group, consumer);
    return `as ${group}`;
  }
  if (!brokers && consumers.inProcessEvents) {
    app.connectMicroservice({ strategy: app.get(InProcessTransport) }, { inheritAppConfig: true });
    await app.startAllMicroservices();
    return 'in-process';
  }
  return null;
}

/**
 * Starts one service process. A bad environment stops it before anything else
 * happens, with a log line naming each bad variable, and exit code 1.
 */
export async function bootstrapHttpService(service: ServiceDefinition): Promise<INestApplication> {
  let config: CoreConfig;
  try {
    config = loadConfig(CoreConfig);
  } catch (error) {
    exitOnBootError(service.serviceName, error);
  }
  const logger = new WinstonNestLogger(
    createLogger(service.serviceName, config.LOG_LEVEL, config.LOG_FORMAT),
  );
  try {
    const app = configureHttpApp(
      await NestFactory.create(service.appModule, { logger, abortOnError: false }),
    );
    await service.beforeListen?.(app);
    const consuming = await startEventConsumers(app, service.serviceName, service);
    if (consuming) {
      new Logger('Bootstrap').log({
        msg: `${service.serviceName} consuming events ${consuming}`,
        brokers: config.KAFKA_BROKERS,
      });
    }
    const port = config.PORT ?? service.defaultPort;
    await app.listen(port, config.HOST);
    new Logger('Bootstrap').log({
      msg: `${service.serviceName} listening on http://localhost:${port}`,
      port,
    });
    return app;
  } catch (error) {
    logger.error({ msg: 'Boot failed', error: describe(error) }, 'Bootstrap');
    process.exit(1);
  }
}

function exitOnBootError(serviceName: string, error: unknown): never {
  const logger = createLogger(serviceName);
  if (error instanceof ConfigValidationException) {
    logger.error({ message: error.message, context: 'Bootstrap', problems: error.problems });
  } else {
    logger.error({ message: `Boot failed: ${describe(error)}`, context: 'Bootstrap' });
  }
  process.exit(1);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
