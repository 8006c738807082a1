export * from './domain.exception';
export * from './global-exception.filter';
export * from './validation.pipe';
export * from './input-checks';
export * from './error-body.dto';
