import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'core', name: 'odoo_opportunities' })
export class OdooOpportunityEntity {
  @PrimaryColumn('integer', { name: 'odoo_id' }) odooId: number;
  @Column('text') name: string;
  @Column('text', { name: 'lead_type', nullable: true }) leadType: string | null;
  @Column('boolean') active: boolean;
  /** The partner's commercial company, else the partner, else the lead's free-text company. */
  @Column('text', { name: 'customer_name', nullable: true }) customerName: string | null;
  @Column('integer', { name: 'customer_partner_id', nullable: true })
  customerPartnerId: number | null;
  @Column('text', { name: 'contact_name', nullable: true }) contactName: string | null;
  /** Registrable domain of the customer's website (else a non-webmail email address). */
  @Column('text', { name: 'customer_domain', nullable: true }) customerDomain: string | null;
  /** The customer's name lower-cased, without accents, punctuation or legal form. */
  @Column('text', { name: 'customer_name_normalized', nullable: true })
  customerNameNormalized: string | null;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text', { nullable: true }) website: string | null;
  @Column('integer', { name: 'salesperson_user_id', nullable: true })
  salespersonUserId: number | null;
  @Column('text', { name: 'salesperson_name', nullable: true }) salespersonName: string | null;
  @Column('integer', { name: 'team_id', nullable: true }) teamId: number | null;
  @Column('text', { name: 'team_name', nullable: true }) teamName: string | null;
  @Column('integer', { name: 'stage_id', nullable: true }) stageId: number | null;
  @Column('text', { name: 'stage_name', nullable: true }) stageName: string | null;
  @Column('boolean', { name: 'is_won' }) isWon: boolean;
  /** open, won or lost: generated from is_won and active (lost leads are archived). */
  @Column({ type: 'text', name: 'stage_category', insert: false, update: false })
  stageCategory: 'open' | 'won' | 'lost';
  @Column('varchar', { name: 'country_code', length: 2, nullable: true }) countryCode:
    string | null;
  @Column('text', { name: 'country_name', nullable: true }) countryName: string | null;
  @Column('text', { name: 'state_code', nullable: true }) stateCode: string | null;
  @Column('text', { name: 'state_name', nullable: true }) stateName: string | null;
  /** The lead's address, else its partner's. */
  @Column('text', { nullable: true }) street: string | null;
  @Column('text', { name: 'postal_code', nullable: true }) postalCode: string | null;
  @Column('text', { nullable: true }) city: string | null;
  @Column('numeric', { name: 'expected_revenue', nullable: true }) expectedRevenue: string | null;
  /** The lead's company's currency: the one expected_revenue is in. */
  @Column('varchar', { name: 'currency_code', length: 3, nullable: true }) currencyCode:
    string | null;
  @Column('text', { name: 'company_name', nullable: true }) companyName: string | null;
  @Column('text', { name: 'lost_reason', nullable: true }) lostReason: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) tags: string[];
  @Column('double precision', { nullable: true }) probability: number | null;
  @Column('date', { name: 'date_deadline', nullable: true }) dateDeadline: string | null;
  /** Plain text: the source's HTML with tags removed. */
  @Column('text', { nullable: true }) description: string | null;
  @Column('timestamp', { name: 'source_write_date', nullable: true }) sourceWriteDate: Date | null;
  @Column('text', { name: 'source_hash' }) sourceHash: string;
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt: Date | null;
  @Column('timestamptz', { name: 'transformed_at' }) transformedAt: Date;
}
