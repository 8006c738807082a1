import 'reflect-metadata';
import { bootstrapHttpService } from '@revops/core';
import { MatchingAppModule } from './app.module';

void bootstrapHttpService({
  serviceName: 'matching',
  appModule: MatchingAppModule,
  defaultPort: 3005,
});
