/**
 * Health probes and the Prometheus scrape: outside the /api/v1 prefix, at the same place
 * on every service, and logged at debug (they answer every few seconds).
 */
export const OPERATIONAL_ROUTES = ['health', 'health/live', 'health/ready', 'metrics'];
