export * from './api-key-format';
export * from './api-key.dto';
export * from './api-key.service';
export type { ApiKeyStatus } from './api-keys.repository';
export * from './auth.decorators';
export * from './auth.module';
export * from './principal';
