import 'reflect-metadata';
import { bootstrapHttpService } from '@revops/core';
import { TransformationAppModule } from './app.module';
import { TRANSFORMATION_CONSUMER_GROUP } from './events/transformation.consumer';

void bootstrapHttpService({
  serviceName: 'transformation',
  appModule: TransformationAppModule,
  defaultPort: 3002,
  consumerGroup: TRANSFORMATION_CONSUMER_GROUP,
});
