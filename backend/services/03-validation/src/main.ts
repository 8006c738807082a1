import 'reflect-metadata';
import { bootstrapHttpService } from '@revops/core';
import { ValidationAppModule } from './app.module';
import { VALIDATION_CONSUMER_GROUP } from './events/validation.consumer';

void bootstrapHttpService({
  serviceName: 'validation',
  appModule: ValidationAppModule,
  defaultPort: 3003,
  consumerGroup: VALIDATION_CONSUMER_GROUP,
});
