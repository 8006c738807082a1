import { INestApplication, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigValidationException } from '../config/config-validation.exception';
import { kafkaConsumerOptions } from '../events/kafka-options';
import { CoreConfig } from '../config/core.config';
import { loadConfig } from '../config/load-config';
import { createLogger } from '../logging/create-logger';
import { WinstonNestLogger } from '../logging/winston-nest.logger';

export const API_PREFIX = 'api/v1';

/** Settings shared by every HTTP process and by tests that build one. */
export function configureHttpApp(app: INestApplication): INestApplication {
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  app.enableShutdownHooks();
  return app;
}

export interface ServiceDefinition {
  serviceName: string;
  appModule: Type<unknown>;
  defaultPort: number;
  /**
   * The Kafka consumer group of a service whose controllers have `@EventPattern`
   * handlers; it joins the group when KAFKA_BROKERS is set.
   */
  consumerGroup?: string;
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
    if (service.consumerGroup && config.KAFKA_BROKERS) {
      app.connectMicroservice(
        kafkaConsumerOptions(service.serviceName, config.KAFKA_BROKERS, service.consumerGroup),
        { inheritAppConfig: true },
      );
      await app.startAllMicroservices();
      new Logger('Bootstrap').log({
        msg: `${service.serviceName} consuming events as ${service.consumerGroup}`,
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
