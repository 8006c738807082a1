export * from './job-runs.service';
export * from './ops.module';
