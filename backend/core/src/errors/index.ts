export * from './domain.exception';
export * from './global-exception.filter';
export * from './validation.pipe';
