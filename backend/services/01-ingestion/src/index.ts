export * from './ingestion.module';
export * from './ingestion.service';
