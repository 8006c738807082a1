export * from './create-data-source';
export * from './database.module';
export * from './open-pglite';
export * from './pglite-lock';
