import 'reflect-metadata';
import { bootstrapHttpService } from '@revops/core';
import { ApiAppModule } from './app.module';

void bootstrapHttpService({ serviceName: 'api', appModule: ApiAppModule, defaultPort: 3006 });
