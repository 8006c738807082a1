export * from './all-in-one/all-in-one.module';
export * from './all-in-one/sample-pipeline';
export * from './search/search.module';
export * from './keys/keys.module';
export * from './ops/ops.module';
export * from './openapi/openapi';
export * from './web-app/web-app';
