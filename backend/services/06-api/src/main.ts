import 'reflect-metadata';
import { bootstrapHttpService } from '@revops/core';
import { serveDocsAndWebApp } from './web-app/web-app';
import { ApiAppModule } from './app.module';

void bootstrapHttpService({
  serviceName: 'api',
  appModule: ApiAppModule,
  defaultPort: 3006,
  beforeListen: serveDocsAndWebApp,
});
