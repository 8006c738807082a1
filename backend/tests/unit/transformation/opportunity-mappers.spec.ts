import {
  contractMonths,
  customerContacts,
  monthlySpend,
  opportunityOwner,
  RawApnOpportunity,
  toCoreAceOpportunity,
  totalSpend,
} from '@revops/transformation/mapping/ace-opportunity.mapper';
import {
  OdooLeadJoined,
  toCoreOdooOpportunity,
} from '@revops/transformation/mapping/odoo-opportunity.mapper';

const lead: OdooLeadJoined = {
  id: 12,
  name: 'Data warehouse migration',
  type: 'opportunity',
  active: true,
  partner_id: 40,
  partner_name: null,
  contact_name: 'Ana Souza',
  email_from: null,
  phone: null,
  website: null,
  user_id: 2,
  team_id: 1,
  stage_id: 3,
  street: null,
  zip: null,
  city: null,
  expected_revenue: '120000.00',
  probability: 40,
  date_deadline: '2026-12-31',
  description: '<p>Move the <i>on-prem</i> warehouse</p>',
  write_date: '2026-11-01 10:00:00',
  deleted_at: null,
  partner_display_name: 'Ana Souza',
  partner_email: 'ana@hsc.com.br',
  partner_phone: '+55 11 5555 0000',
  partner_website: 'https://www.hsc.com.br',
  partner_street: 'Av. Paulista, 1000',
  partner_zip: '01310-100',
  partner_city: 'São Paulo',
  commercial_name: 'Hospital Santa Clara',
  commercial_partner_id: 30,
  salesperson_name: 'Mitchell Admin',
  salesperson_login: 'admin',
  team_name: { en_US: 'Sales' },
  stage_name: { en_US: 'Proposition' },
  stage_is_won: false,
  country_code: 'BR',
  country_name: { en_US: 'Brazil' },
  state_code: 'SP',
  state_name: 'São Paulo',
  lost_reason_name: null,
  company_name: 'YourCompany',
  currency_code: 'BRL',
  tag_names: [{ en_US: 'Product' }, { en_US: 'Services', pt_BR: 'Serviços' }],
  source_hash: 'h',
};

describe('toCoreOdooOpportunity', () => {
  it("names the customer after the contact's commercial company", () => {
    const row = toCoreOdooOpportunity(lead);
    expect(row).toMatchObject({
      customer_name: 'Hospital Santa Clara',
      customer_partner_id: 30,
      salesperson_name: 'Mitchell Admin',
      team_name: 'Sales',
      stage_name: 'Proposition',
      country_name: 'Brazil',
      email: 'ana@hsc.com.br',
      city: 'São Paulo',
      description: 'Move the on-prem warehouse',
    });
  });

  it('falls back to the partner, then the free-text company on the lead', () => {
    expect(toCoreOdooOpportunity({ ...lead, commercial_name: null }).customer_name).toBe(
      'Ana Souza',
    );
    expect(
      toCoreOdooOpportunity({
        ...lead,
        partner_id: null,
        commercial_name: null,
        commercial_partner_id: null,
        partner_display_name: null,
        partner_name: 'Clínica Boa Vista',
      }).customer_name,
    ).toBe('Clínica Boa Vista');
  });

  it('names the state, company, currency, tags and lost reason', () => {
    expect(toCoreOdooOpportunity(lead)).toMatchObject({
      state_code: 'SP',
      state_name: 'São Paulo',
      company_name: 'YourCompany',
      currency_code: 'BRL',
      tags: ['Product', 'Services'],
      lost_reason: null,
    });
    const lost = { ...lead, lost_reason_name: { en_US: 'Too expensive' }, tag_names: null };
    expect(toCoreOdooOpportunity(lost)).toMatchObject({ lost_reason: 'Too expensive', tags: [] });
  });

  it("keys the customer by its website's domain and its name without legal form", () => {
    expect(toCoreOdooOpportunity(lead)).toMatchObject({
      customer_domain: 'hsc.com.br',
      customer_name_normalized: 'hospital santa clara',
    });
    // No website: a company email address names the domain, a webmail one does not.
    const noSite = { ...lead, website: null, partner_website: null };
    expect(toCoreOdooOpportunity(noSite).customer_domain).toBe('hsc.com.br');
    expect(
      toCoreOdooOpportunity({ ...noSite, email_from: 'ana@gmail.com', partner_email: null })
        .customer_domain,
    ).toBeNull();
  });

  it("takes the lead's own address, else its partner's", () => {
    expect(toCoreOdooOpportunity(lead)).toMatchObject({
      street: 'Av. Paulista, 1000',
      postal_code: '01310-100',
    });
    const typed = { ...lead, street: 'Rua Augusta 500', zip: '01304-000', city: 'Santos' };
    expect(toCoreOdooOpportunity(typed)).toMatchObject({
      street: 'Rua Augusta 500',
      postal_code: '01304-000',
      city: 'Santos',
    });
  });

  it("uses the salesperson's login when the user's partner has no name", () => {
    expect(toCoreOdooOpportunity({ ...lead, salesperson_name: null }).salesperson_name).toBe(
      'admin',
    );
  });
});

describe('ACE mapping', () => {
  it('sums monthly spend lines in one currency, exactly', () => {
    expect(
      monthlySpend([
        { Amount: '100.10', CurrencyCode: 'USD', Frequency: 'Monthly' },
        { Amount: '0.20', CurrencyCode: 'USD', Frequency: 'Monthly' },
        { Amount: '999', CurrencyCode: 'EUR', Frequency: 'Monthly' },
      ]),
    ).toEqual({ amount: '100.30', currency: 'USD' });
    expect(monthlySpend(null)).toEqual({ amount: null, currency: null });
    expect(monthlySpend([{ Amount: '', CurrencyCode: 'USD' }])).toEqual({
      amount: null,
      currency: 'USD',
    });
  });

  it('takes the OpportunityOwner as the owner', () => {
    expect(
      opportunityOwner([
        { FirstName: 'Sam', LastName: 'Lee', BusinessTitle: 'PartnerAccountManager' },
        { FirstName: 'Ana', LastName: 'Souza', BusinessTitle: 'OpportunityOwner', Email: 'a@x.io' },
      ]),
    ).toEqual({ name: 'Ana Souza', email: 'a@x.io' });
    expect(opportunityOwner([])).toEqual({ name: null, email: null });
  });

  it('keeps where the ACE opportunity came from', () => {
    const raw = { id: 'O3', origin: 'AWS Referral', source_hash: 'h' } as RawApnOpportunity;
    expect(toCoreAceOpportunity(raw).origin).toBe('AWS Referral');
    expect(toCoreAceOpportunity({ ...raw, origin: null }).origin).toBeNull();
  });

  it("keys the ACE customer by its website's domain and its name without legal form", () => {
    const raw = {
      id: 'O2',
      customer_company_name: 'Hospital Santa Clara Ltda.',
      customer_website_url: 'http://hsc.com.br/',
      source_hash: 'h',
    } as RawApnOpportunity;
    expect(toCoreAceOpportunity(raw)).toMatchObject({
      customer_domain: 'hsc.com.br',
      customer_name_normalized: 'hospital santa clara',
    });
  });

  it('reads the contract duration in months, and totals the monthly spend over it', () => {
    expect(contractMonths('Months', '36')).toBe(36);
    expect(contractMonths('Months', '0')).toBeNull();
    expect(contractMonths('Months', '145')).toBeNull();
    expect(contractMonths(null, null)).toBeNull();
    expect(totalSpend('1234.56', 36)).toBe('44444.16');
    expect(totalSpend(null, 12)).toBeNull();
    const raw = {
      id: 'O3',
      project_expected_customer_spend: [
        { Amount: '1000.10', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' },
      ],
      project_delivery_models: ['SaaS or PaaS'],
      source_hash: 'h',
    } as unknown as RawApnOpportunity;
    expect(toCoreAceOpportunity(raw)).toMatchObject({
      expected_monthly_spend: '1000.10',
      expected_contract_months: null,
      expected_total_spend: '12001.20', // twelve months when no duration is given
      delivery_models: ['SaaS or PaaS'],
    });
    const withTerm = {
      ...raw,
      project_expected_contract_duration_term: 'Months',
      project_expected_contract_duration_value: '24',
    };
    expect(toCoreAceOpportunity(withTerm)).toMatchObject({
      expected_contract_months: 24,
      expected_total_spend: '24002.40',
    });
  });

  it("keeps the customer's address, DUNS and contacts", () => {
    const raw = {
      id: 'O4',
      customer_street_address: '420 E MacDade Blvd',
      customer_postal_code: '19033',
      customer_city: 'Folsom',
      customer_state_or_region: 'PA',
      customer_duns: '123456789',
      customer_contacts: [
        { FirstName: 'Ana', LastName: 'Souza', Email: 'ana@hsc.com.br', Phone: '+5511555500' },
        { FirstName: 'Sam', LastName: null, Email: null, Phone: null },
      ],
      source_hash: 'h',
    } as unknown as RawApnOpportunity;
    expect(toCoreAceOpportunity(raw)).toMatchObject({
      street: '420 E MacDade Blvd',
      postal_code: '19033',
      city: 'Folsom',
      state_or_region: 'PA',
      duns: '123456789',
      contact_names: ['Ana Souza', 'Sam'],
      contact_emails: ['ana@hsc.com.br'],
      contact_phones: ['+5511555500'],
    });
    expect(customerContacts(null)).toEqual({ names: [], emails: [], phones: [] });
  });

  it('flags national-security opportunities', () => {
    const raw = { id: 'O1', national_security: 'Yes', source_hash: 'h' } as RawApnOpportunity;
    expect(toCoreAceOpportunity(raw).is_national_security).toBe(true);
    expect(toCoreAceOpportunity({ ...raw, national_security: 'No' }).is_national_security).toBe(
      false,
    );
  });
});
