export * from './health.controller';
export * from './health.dto';
export * from './health.module';
export * from './readiness-checks';
export * from './readiness.service';
