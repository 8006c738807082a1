export * from './core/ace-opportunity.entity';
export * from './core/odoo-opportunity.entity';
export * from './ops/api-key.entity';
export * from './ops/audit-log.entity';
export * from './ops/job-run.entity';
export * from './ops/sync-run.entity';
export * from './search/opportunity-embedding.entity';
