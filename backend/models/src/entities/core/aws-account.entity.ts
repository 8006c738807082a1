import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A customer AWS account named by ACE opportunities or by APN's account list. */
@Entity({ schema: 'core', name: 'aws_accounts' })
export class AwsAccountEntity {
  @PrimaryColumn('varchar', { name: 'aws_account_id', length: 12 }) awsAccountId: string;
  /** The company most references give (then the latest), as last spelled. */
  @Column('text', { name: 'company_name', nullable: true }) companyName: string | null;
  @Column('text', { name: 'company_name_normalized', nullable: true })
  companyNameNormalized: string | null;
  @Column('text', { nullable: true }) domain: string | null;
  @Column('varchar', { name: 'country_code', length: 2, nullable: true }) countryCode:
    string | null;
  /** One name per distinct company the references give, most referenced first. */
  @Column('text', { name: 'company_names', array: true, default: () => "'{}'" })
  companyNames: string[];
  @Column('integer', { name: 'distinct_companies' }) distinctCompanies: number;
  /** `ace_opportunity` (a live CORE ACE opportunity) and/or `apn_aws_account` (RAW list). */
  @Column('text', { array: true }) sources: string[];
  @Column('integer', { name: 'ace_opportunities' }) aceOpportunities: number;
  @Column('timestamptz', { name: 'first_seen', nullable: true }) firstSeen: Date | null;
  @Column('timestamptz', { name: 'last_seen', nullable: true }) lastSeen: Date | null;
  @Column('bigint', { name: 'job_run_id', nullable: true }) jobRunId: string | null;
  @Column('timestamptz', { name: 'transformed_at' }) transformedAt: Date;
}
