export * from './create-data-source';
export * from './database.module';
export * from './open-pglite';
