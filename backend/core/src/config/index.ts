export * from './config-validation.exception';
export * from './core.config';
export * from './env-file';
export * from './load-config';
