export * from './api-key-format';
export * from './api-key.service';
export * from './auth.decorators';
export * from './auth.module';
export * from './principal';
