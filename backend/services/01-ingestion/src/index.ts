export * from './ingestion.config';
export * from './ingestion.module';
export * from './ingestion.service';
export * from './runs/sync-runs.repository';
export * from './sync/sync-engine.service';
export * from './sync-schedules';
export * from './ingestion-schedules.module';
export * from './ingestion.schedules';
