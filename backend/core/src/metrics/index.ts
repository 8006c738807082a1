export * from './consumer-lag';
export * from './http-metrics';
export * from './metrics-registry';
export * from './metrics.module';
export * from './run-metrics';
export * from './summary-counts';
