import 'reflect-metadata';
import { bootstrapHttpService } from '@revops/core';
import { serveOpenApi } from './openapi/openapi';
import { ApiAppModule } from './app.module';

void bootstrapHttpService({
  serviceName: 'api',
  appModule: ApiAppModule,
  defaultPort: 3006,
  beforeListen: serveOpenApi,
});
