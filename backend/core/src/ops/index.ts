export * from './job-runs.service';
export * from './ops.module';
export * from './advisory-lock.service';
export * from './outbox.repository';
export * from './accepted-run';
export * from './quarantine-payload';
export * from './data-error';
