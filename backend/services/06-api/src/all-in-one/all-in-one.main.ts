import 'reflect-metadata';
import { bootstrapHttpService } from '@revops/core';
import { serveDocsAndWebApp } from '../web-app/web-app';
import { AllInOneModule } from './all-in-one.module';

/**
 * All six services in one process; the embedded PGlite database unless DATABASE_URL is set.
 * Without KAFKA_BROKERS its events go to its own handlers (it holds every consumer).
 */
void bootstrapHttpService({
  serviceName: 'all-in-one',
  appModule: AllInOneModule,
  defaultPort: 3000,
  inProcessEvents: true,
  beforeListen: serveDocsAndWebApp,
});
