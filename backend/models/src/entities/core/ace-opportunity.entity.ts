import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'core', name: 'ace_opportunities' })
export class AceOpportunityEntity {
  @PrimaryColumn('varchar', { name: 'ace_id', length: 20 }) aceId: string;
  @Column('text', { nullable: true }) title: string | null;
  @Column('text', { name: 'customer_company_name', nullable: true })
  customerCompanyName: string | null;
  @Column('text', { name: 'customer_website', nullable: true }) customerWebsite: string | null;
  /** Registrable domain of the customer's website (else a non-webmail email address). */
  @Column('text', { name: 'customer_domain', nullable: true }) customerDomain: string | null;
  /** The customer's name lower-cased, without accents, punctuation or legal form. */
  @Column('text', { name: 'customer_name_normalized', nullable: true })
  customerNameNormalized: string | null;
  @Column('text', { nullable: true }) industry: string | null;
  @Column('varchar', { name: 'country_code', length: 2, nullable: true }) countryCode:
    string | null;
  @Column('text', { name: 'state_or_region', nullable: true }) stateOrRegion: string | null;
  @Column('text', { nullable: true }) city: string | null;
  @Column('text', { name: 'postal_code', nullable: true }) postalCode: string | null;
  @Column('text', { nullable: true }) street: string | null;
  @Column('text', { nullable: true }) duns: string | null;
  /** Customer.Contacts: full names, e-mails and phones, as given. */
  @Column('text', { name: 'contact_names', array: true, default: () => "'{}'" })
  contactNames: string[];
  @Column('text', { name: 'contact_emails', array: true, default: () => "'{}'" })
  contactEmails: string[];
  @Column('text', { name: 'contact_phones', array: true, default: () => "'{}'" })
  contactPhones: string[];
  @Column('varchar', { name: 'aws_account_id', length: 12, nullable: true })
  awsAccountId: string | null;
  @Column('text', { nullable: true }) stage: string | null;
  /** open, won (Launched) or lost (Closed Lost): generated from the stage. */
  @Column({ type: 'text', name: 'stage_category', insert: false, update: false })
  stageCategory: 'open' | 'won' | 'lost';
  @Column('text', { name: 'review_status', nullable: true }) reviewStatus: string | null;
  @Column('numeric', { name: 'expected_monthly_spend', nullable: true })
  expectedMonthlySpend: string | null;
  @Column('varchar', { name: 'spend_currency', length: 3, nullable: true })
  spendCurrency: string | null;
  /** ExpectedContractDuration in months; null when the partner gave none. */
  @Column('integer', { name: 'expected_contract_months', nullable: true })
  expectedContractMonths: number | null;
  /** Monthly spend over the contract (12 months when no duration is given). */
  @Column('numeric', { name: 'expected_total_spend', nullable: true })
  expectedTotalSpend: string | null;
  @Column('text', { name: 'delivery_models', array: true, default: () => "'{}'" })
  deliveryModels: string[];
  @Column('date', { name: 'target_close_date', nullable: true }) targetCloseDate: string | null;
  @Column('text', { name: 'use_case', nullable: true }) useCase: string | null;
  @Column('text', { name: 'business_problem', nullable: true }) businessProblem: string | null;
  @Column('text', { name: 'partner_opportunity_identifier', nullable: true })
  partnerOpportunityIdentifier: string | null;
  @Column('text', { name: 'opportunity_type', nullable: true }) opportunityType: string | null;
  /** AWS Referral | Partner Referral. */
  @Column('text', { nullable: true }) origin: string | null;
  /** The OpportunityTeam member whose BusinessTitle is OpportunityOwner. */
  @Column('text', { name: 'owner_name', nullable: true }) ownerName: string | null;
  @Column('text', { name: 'owner_email', nullable: true }) ownerEmail: string | null;
  @Column('boolean', { name: 'is_national_security' }) isNationalSecurity: boolean;
  @Column('timestamptz', { name: 'source_last_modified', nullable: true })
  sourceLastModified: Date | null;
  @Column('text', { name: 'source_hash' }) sourceHash: string;
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt: Date | null;
  @Column('timestamptz', { name: 'transformed_at' }) transformedAt: Date;
}
