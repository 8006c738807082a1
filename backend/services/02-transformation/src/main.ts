import 'reflect-metadata';
import { bootstrapHttpService } from '@revops/core';
import { TransformationAppModule } from './app.module';

void bootstrapHttpService({
  serviceName: 'transformation',
  appModule: TransformationAppModule,
  defaultPort: 3002,
});
