export * from './ingestion.module';
export * from './ingestion.service';
export * from './sync/sync-engine.service';
export * from './ingestion-schedules.module';
export * from './ingestion.schedules';
