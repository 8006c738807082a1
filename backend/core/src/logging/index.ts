export * from './correlation';
export * from './create-logger';
export * from './redact';
export * from './winston-nest.logger';
