export * from './validation.module';
export * from './validation.service';
export * from './rules/registry';
export * from './rules/validation-rule';
