import 'reflect-metadata';
import { bootstrapHttpService } from '@revops/core';
import { EmbeddingAppModule } from './app.module';

void bootstrapHttpService({
  serviceName: 'embedding',
  appModule: EmbeddingAppModule,
  defaultPort: 3004,
});
