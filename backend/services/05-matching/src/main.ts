import 'reflect-metadata';
import { bootstrapHttpService } from '@revops/core';
import { MATCHING_CONSUMER_GROUP } from './events/matching.consumer';
import { MatchingAppModule } from './app.module';

void bootstrapHttpService({
  serviceName: 'matching',
  appModule: MatchingAppModule,
  defaultPort: 3005,
  consumerGroup: MATCHING_CONSUMER_GROUP,
});
