export * from './masking';
export * from './payload-masking';
