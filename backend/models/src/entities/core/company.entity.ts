import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One real customer across Odoo and ACE; its opportunities are in company_opportunities. */
@Entity({ schema: 'core', name: 'companies' })
export class CompanyEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;
  /** Stable across runs: `domain:<d>`, else `name:<n>`, else `aws:<id>` / `odoo-partner:<id>`. */
  @Column('text', { name: 'company_key', unique: true }) companyKey: string;
  @Column('text', { name: 'display_name', nullable: true }) displayName: string | null;
  @Column('text', { name: 'name_normalized', nullable: true }) nameNormalized: string | null;
  @Column('text', { nullable: true }) domain: string | null;
  /** Set only when every opportunity that gives a country gives this one. */
  @Column('varchar', { name: 'country_code', length: 2, nullable: true }) countryCode:
    string | null;
  @Column('integer', { name: 'odoo_opportunities' }) odooOpportunities: number;
  @Column('integer', { name: 'ace_opportunities' }) aceOpportunities: number;
  @Column('text', { name: 'aws_account_ids', array: true, default: () => "'{}'" })
  awsAccountIds: string[];
  @Column('bigint', { name: 'job_run_id', nullable: true }) jobRunId: string | null;
  @Column('timestamptz', { name: 'transformed_at' }) transformedAt: Date;
}
