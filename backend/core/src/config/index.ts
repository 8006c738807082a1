export * from './config-validation.exception';
export * from './core.config';
export * from './load-config';
