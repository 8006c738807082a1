import 'reflect-metadata';
import { bootstrapHttpService } from '@revops/core';
import { IngestionAppModule } from './app.module';

void bootstrapHttpService({
  serviceName: 'ingestion',
  appModule: IngestionAppModule,
  defaultPort: 3001,
});
