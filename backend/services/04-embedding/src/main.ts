import 'reflect-metadata';
import { bootstrapHttpService } from '@revops/core';
import { EmbeddingAppModule } from './app.module';
import { EMBEDDING_CONSUMER_GROUP } from './events/embedding.consumer';

void bootstrapHttpService({
  serviceName: 'embedding',
  appModule: EmbeddingAppModule,
  defaultPort: 3004,
  consumerGroup: EMBEDDING_CONSUMER_GROUP,
});
