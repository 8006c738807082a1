export * from './masking';
export * from './masks-contacts';
export * from './payload-masking';
