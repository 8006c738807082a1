import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which company a live CORE opportunity belongs to (source `odoo`: odoo_id, `ace`: ace_id). */
@Entity({ schema: 'core', name: 'company_opportunities' })
export class CompanyOpportunityEntity {
  @PrimaryColumn('text') source: 'odoo' | 'ace';
  @PrimaryColumn('text', { name: 'source_id' }) sourceId: string;
  @Column('bigint', { name: 'company_id' }) companyId: string;
  @Column('bigint', { name: 'job_run_id', nullable: true }) jobRunId: string | null;
  @Column('timestamptz', { name: 'transformed_at' }) transformedAt: Date;
}
