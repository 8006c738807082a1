import {
  AceOpportunityEntity,
  ApiKeyEntity,
  AuditLogEntity,
  AwsAccountEntity,
  CompanyEntity,
  CompanyOpportunityEntity,
  JobRunEntity,
  OdooOpportunityEntity,
  OpportunityEmbeddingEntity,
  SyncRunEntity,
} from './entities';

export * from './entities';
export { ALL_MIGRATIONS } from './migrations';

/**
 * RAW tables have no entities: they are written set-based from the discovery schema
 * (data/schemas) and read with SQL by the transformation service.
 */
export const ALL_ENTITIES = [
  AceOpportunityEntity,
  ApiKeyEntity,
  AuditLogEntity,
  AwsAccountEntity,
  CompanyEntity,
  CompanyOpportunityEntity,
  JobRunEntity,
  OdooOpportunityEntity,
  OpportunityEmbeddingEntity,
  SyncRunEntity,
];
