import { maskName, maskOpportunity, maskPayload } from '@revops/core';

describe('maskName', () => {
  it('keeps each word’s initial', () => {
    expect(maskName('Ana Souza')).toBe('A*** S***');
    expect(maskName('Élodie')).toBe('É***');
    expect(maskName(null)).toBeNull();
    expect(maskName('')).toBe('');
  });
});

describe('maskPayload', () => {
  it('masks an Odoo lead’s contact fields by their names, and leaves the deal alone', () => {
    expect(
      maskPayload(
        {
          id: 42,
          name: 'SAP migration',
          contact_name: 'Ana Souza',
          email_from: 'ana.souza@hospital.com.br',
          email_cc: 'a@x.com, b@y.org',
          email_state: 'correct',
          phone: '+55 11 5555-0142',
          mobile: '11 98765 4321',
          phone_state: 'correct',
          partner_name: 'Hospital Santa Cruz',
          expected_revenue: 120000,
          active: true,
          description: 'Call Ana at +55 11 5555 0142 or ana@hospital.com.br',
        },
        'raw.odoo_crm_lead',
      ),
    ).toEqual({
      id: 42,
      name: 'SAP migration',
      contact_name: 'A*** S***',
      email_from: 'a***@hospital.com.br',
      email_cc: 'a***@x.com, b***@y.org',
      email_state: 'correct',
      phone: '+** ** ****-**42',
      mobile: '** ***** **21',
      phone_state: 'correct',
      partner_name: 'Hospital Santa Cruz',
      expected_revenue: 120000,
      active: true,
      description: 'Call Ana at +** ** **** **42 or a***@hospital.com.br',
    });
  });

  it('hides an email field that holds no address: a quarantined value is often malformed', () => {
    expect(maskPayload({ email: 'ana at hospital', Email: '' }, 'core.odoo_opportunities')).toEqual(
      { email: '***', Email: '' },
    );
  });

  it('masks nested contacts (ACE’s customer_contacts) and camelCase fields, at any depth', () => {
    expect(
      maskPayload(
        {
          contactName: 'Ana Souza',
          ownerEmail: 'owner@partner.com',
          customer_contacts: [
            { FirstName: 'Ana', LastName: 'Souza', Email: 'ana@x.com', Phone: '+5511999990000', BusinessTitle: 'CIO' }, // prettier-ignore
          ],
          emails: ['a@x.com', 'not an address'],
        },
        'raw.apn_opportunity',
      ),
    ).toEqual({
      contactName: 'A*** S***',
      ownerEmail: 'o***@partner.com',
      customer_contacts: [
        { FirstName: 'A***', LastName: 'S***', Email: 'a***@x.com', Phone: '+***********00', BusinessTitle: 'CIO' }, // prettier-ignore
      ],
      emails: ['a***@x.com', '***'],
    });
  });

  it('masks `name` in a table of people only', () => {
    const partner = { name: 'Ana Souza', display_name: 'Ana Souza', is_company: false };
    expect(maskPayload(partner, 'raw.odoo_res_partner')).toEqual({
      name: 'A*** S***',
      display_name: 'A*** S***',
      is_company: false,
    });
    expect(maskPayload({ name: 'Qualified' }, 'raw.odoo_crm_stage')).toEqual({ name: 'Qualified' });
  });

  it('leaves numbers, booleans and null as they are, and does not change its input', () => {
    const payload = { phone: null, count: 3, ok: false, nested: { mobile: 5551234 } };
    const copy = structuredClone(payload);
    expect(maskPayload(payload, 'x')).toEqual(payload);
    expect(payload).toEqual(copy);
    expect(maskPayload('ana@x.com', 'x')).toBe('a***@x.com');
  });

  it('leaves a Date (any object that is not a plain record) as it is: JSON sends it as ISO', () => {
    const deletedAt = new Date('2026-03-01T10:00:00.000Z');
    const masked = maskPayload({ deletedAt, nested: { at: deletedAt } }, 'x') as {
      deletedAt: unknown;
      nested: { at: unknown };
    };
    expect(masked.deletedAt).toBe(deletedAt);
    expect(masked.nested.at).toBe(deletedAt);
    expect(JSON.parse(JSON.stringify(masked))).toEqual({
      deletedAt: '2026-03-01T10:00:00.000Z',
      nested: { at: '2026-03-01T10:00:00.000Z' },
    });
  });
});

describe('maskOpportunity', () => {
  it('masks the contact fields of an Odoo lead and an ACE opportunity, and nothing else', () => {
    const deletedAt = new Date('2026-03-01T10:00:00.000Z');
    expect(
      maskOpportunity({
        odooId: 101,
        name: 'SAP migration',
        customer: 'Hospital Sao Lucas',
        contact: 'Ana Souza',
        email: 'ana@saolucas.example',
        phone: '+55 11 5555 0101',
        salesperson: 'Bruno Lima',
        expectedRevenue: 120000,
        deletedAt,
      }),
    ).toEqual({
      odooId: 101,
      name: 'SAP migration',
      customer: 'Hospital Sao Lucas',
      contact: 'A*** S***',
      email: 'a***@saolucas.example',
      phone: '+** ** **** **01',
      salesperson: 'Bruno Lima',
      expectedRevenue: 120000,
      deletedAt,
    });
    expect(
      maskOpportunity({
        aceId: 'O1',
        title: 'Clinic analytics',
        contacts: ['Ana Souza', 'Bruno Lima'],
        contactEmails: ['ana@x.com', 'bruno@y.org'],
        contactPhones: ['+5511999990000'],
        businessProblem: 'Mail ana@x.com',
        deletedAt: null,
      }),
    ).toEqual({
      aceId: 'O1',
      title: 'Clinic analytics',
      contacts: ['A*** S***', 'B*** L***'],
      contactEmails: ['a***@x.com', 'b***@y.org'],
      contactPhones: ['+***********00'],
      businessProblem: 'Mail a***@x.com',
      deletedAt: null,
    });
  });
});
