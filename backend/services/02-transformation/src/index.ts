export * from './transformation.module';
export * from './transformation.service';
