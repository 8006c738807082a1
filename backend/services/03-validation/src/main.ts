import 'reflect-metadata';
import { bootstrapHttpService } from '@revops/core';
import { ValidationAppModule } from './app.module';

void bootstrapHttpService({
  serviceName: 'validation',
  appModule: ValidationAppModule,
  defaultPort: 3003,
});
