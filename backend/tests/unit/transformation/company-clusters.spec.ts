import {
  clusterCompanies,
  CompanyCluster,
  MAX_DOMAINS_PER_KEY,
  MAX_NAMES_PER_DOMAIN,
  OpportunityIdentity,
} from '@revops/transformation/identity/company-clusters';

let nextId = 1;
function opportunity(
  source: 'odoo' | 'ace',
  fields: Partial<OpportunityIdentity> = {},
): OpportunityIdentity {
  return {
    source,
    sourceId: source === 'odoo' ? String(nextId++) : `O${nextId++}`,
    customerName: null,
    nameNormalized: null,
    domain: null,
    awsAccountId: null,
    partnerId: null,
    countryCode: null,
    modifiedMs: null,
    ...fields,
  };
}
const named = (source: 'odoo' | 'ace', name: string, fields: Partial<OpportunityIdentity> = {}) =>
  opportunity(source, { customerName: name, nameNormalized: name.toLowerCase(), ...fields });

/** Each company as the sorted refs of its members, companies sorted: order-free comparison. */
const groups = (clusters: CompanyCluster[]) =>
  clusters.map((c) => c.members.map((m) => `${m.source}:${m.sourceId}`).sort()).sort();
const refs = (...records: OpportunityIdentity[]) =>
  records.map((r) => `${r.source}:${r.sourceId}`).sort();
const companyOf = (clusters: CompanyCluster[], record: OpportunityIdentity) =>
  clusters.find((c) => c.members.some((m) => m.sourceId === record.sourceId));

describe('clusterCompanies', () => {
  it('puts every opportunity with one domain in one company keyed by it, whatever the names', () => {
    const a = named('odoo', 'Acme', { domain: 'acme.com' });
    const b = named('ace', 'ACME Corp Typo', { domain: 'acme.com' });
    const c = named('ace', 'Globex', { domain: 'globex.com' });
    const clusters = clusterCompanies([a, b, c]);
    expect(groups(clusters)).toEqual([refs(a, b), refs(c)].sort());
    expect(companyOf(clusters, a)).toMatchObject({
      key: 'domain:acme.com',
      domain: 'acme.com',
      odooOpportunities: 1,
      aceOpportunities: 1,
    });
  });

  it('attaches an opportunity without a domain to the one company its name points to', () => {
    const withDomain = named('odoo', 'Acme', { domain: 'acme.com' });
    const noDomain = named('ace', 'Acme');
    expect(groups(clusterCompanies([withDomain, noDomain]))).toEqual([refs(withDomain, noDomain)]);
  });

  it('keeps an ambiguous name (two domains) from picking a side, and groups the rest by it', () => {
    const us = named('odoo', 'Venorlum', { domain: 'venorlum.com' });
    const jp = named('ace', 'Venorlum', { domain: 'venorlum.co.jp' });
    const loose1 = named('ace', 'Venorlum');
    const loose2 = named('odoo', 'Venorlum');
    const clusters = clusterCompanies([us, jp, loose1, loose2]);
    expect(groups(clusters)).toEqual([refs(us), refs(jp), refs(loose1, loose2)].sort());
    expect(companyOf(clusters, loose1)).toMatchObject({ key: 'name:venorlum', domain: null });
  });

  it('never merges two companies that own different domains, even through an AWS account', () => {
    const acme = named('ace', 'Acme', { domain: 'acme.com', awsAccountId: '111111111111' });
    const globex = named('ace', 'Globex', { domain: 'globex.com', awsAccountId: '111111111111' });
    // The shared account is ambiguous; the name Acme, without a domain, is not.
    const loose = named('ace', 'Acme', { awsAccountId: '111111111111' });
    const clusters = clusterCompanies([acme, globex, loose]);
    expect(groups(clusters)).toEqual([refs(acme, loose), refs(globex)].sort());
    expect(companyOf(clusters, loose)?.key).toBe('domain:acme.com');
    // An account-only opportunity on the ambiguous account stays apart from both.
    const accountOnly = opportunity('ace', { awsAccountId: '111111111111' });
    expect(groups(clusterCompanies([acme, globex, accountOnly]))).toEqual(
      [refs(acme), refs(globex), refs(accountOnly)].sort(),
    );
  });

  it('ties ACE opportunities without a domain together by their AWS account, typos and all', () => {
    const a = named('ace', 'Acme Health', { awsAccountId: '222222222222' });
    const b = named('ace', 'Acme Helth', { awsAccountId: '222222222222' });
    const c = named('ace', 'Acme Health', { domain: 'acmehealth.com' });
    const clusters = clusterCompanies([a, b, c]);
    expect(groups(clusters)).toEqual([refs(a, b, c)]);
    expect(clusters[0]).toMatchObject({
      key: 'domain:acmehealth.com',
      awsAccountIds: ['222222222222'],
    });
  });

  it('ties Odoo opportunities of one commercial partner together', () => {
    const a = named('odoo', 'Acme', { partnerId: 7, domain: 'acme.com' });
    const b = named('odoo', 'Acme Renamed', { partnerId: 7 });
    expect(groups(clusterCompanies([a, b]))).toEqual([refs(a, b)]);
  });

  it(`ignores a domain given under more than ${MAX_NAMES_PER_DOMAIN} names (a shared domain)`, () => {
    const shared = Array.from({ length: MAX_NAMES_PER_DOMAIN + 1 }, (_, i) =>
      named('odoo', `Customer ${i}`, { domain: 'reseller.com' }),
    );
    const clusters = clusterCompanies(shared);
    expect(clusters).toHaveLength(shared.length);
    expect(clusters.every((c) => c.domain === null && c.key.startsWith('name:'))).toBe(true);
  });

  it(`lets a name seen on more than ${MAX_DOMAINS_PER_KEY} domains glue nothing`, () => {
    const hospitals = Array.from({ length: MAX_DOMAINS_PER_KEY + 1 }, (_, i) =>
      named('odoo', 'Hospital', { domain: `hospital${i}.org` }),
    );
    const loose = [named('ace', 'Hospital'), named('ace', 'Hospital')];
    const clusters = clusterCompanies([...hospitals, ...loose]);
    expect(clusters).toHaveLength(hospitals.length + loose.length);
    // Two companies want the key name:hospital: the one with the smaller member keeps it.
    const keys = loose.map((r) => companyOf(clusters, r)?.key);
    expect(keys).toEqual(['name:hospital', `name:hospital#ace:${loose[1].sourceId}`]);
  });

  it('does not let many opportunities of one big customer split it', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      named(i % 2 ? 'ace' : 'odoo', i % 3 ? 'Big Co' : 'BIG CO', { domain: 'big.co' }),
    );
    expect(clusterCompanies(many)).toHaveLength(1);
  });

  it('names the company as Odoo does (most frequent spelling, then latest) and counts per source', () => {
    const records = [
      named('ace', 'ACME', { domain: 'acme.com', modifiedMs: 9 }),
      named('ace', 'ACME', { domain: 'acme.com', modifiedMs: 9 }),
      opportunity('odoo', {
        customerName: 'Acme Inc.',
        nameNormalized: 'acme',
        domain: 'acme.com',
        modifiedMs: 1,
      }),
      opportunity('odoo', {
        customerName: 'Acme, Inc',
        nameNormalized: 'acme',
        domain: 'acme.com',
        modifiedMs: 2,
      }),
    ];
    expect(clusterCompanies(records)[0]).toMatchObject({
      displayName: 'Acme, Inc',
      nameNormalized: 'acme',
      odooOpportunities: 2,
      aceOpportunities: 2,
    });
  });

  it('sets the country only when every opportunity giving one agrees', () => {
    const br = named('odoo', 'Acme', { domain: 'acme.com', countryCode: 'BR' });
    const none = named('ace', 'Acme', { domain: 'acme.com' });
    expect(clusterCompanies([br, none])[0].countryCode).toBe('BR');
    const us = named('ace', 'Acme', { domain: 'acme.com', countryCode: 'US' });
    expect(clusterCompanies([br, none, us])[0].countryCode).toBeNull();
  });

  it('keys a company without domain or name by its AWS account, and skips one with no key', () => {
    const account = opportunity('ace', { awsAccountId: '333333333333' });
    const redacted = opportunity('ace');
    const clusters = clusterCompanies([account, redacted]);
    expect(clusters.map((c) => c.key)).toEqual(['aws:333333333333']);
  });

  it('gives the same companies and keys whatever the input order', () => {
    const records = [
      named('odoo', 'Acme', { domain: 'acme.com', partnerId: 1 }),
      named('ace', 'Acme', { awsAccountId: '444444444444' }),
      named('ace', 'Acme Two', { awsAccountId: '444444444444' }),
      named('odoo', 'Acme Two'),
      named('ace', 'Venorlum', { domain: 'venorlum.com' }),
      named('ace', 'Venorlum', { domain: 'venorlum.de' }),
      named('odoo', 'Venorlum'),
      named('ace', 'Venorlum'),
    ];
    const forward = clusterCompanies(records);
    const backward = clusterCompanies([...records].reverse());
    expect(backward.map((c) => [c.key, c.members])).toEqual(forward.map((c) => [c.key, c.members]));
    expect(groups(forward)).toHaveLength(4);
  });
});
