import { normalizeCompanyName } from '@revops/transformation/mapping/company-name';
import { registrableDomain } from '@revops/transformation/mapping/web-domain';

describe('normalizeCompanyName', () => {
  it.each([
    ['Banque Provence S.A.', 'banque provence'],
    ['Redwood Resorts, Inc.', 'redwood resorts'],
    ['REDWOOD RESORTS INCORPORATED', 'redwood resorts'],
    ['Tianjin Co., Ltd.', 'tianjin'],
    ['Infosys Data Private Limited', 'infosys data'],
    ['Infosys Data Pvt. Ltd.', 'infosys data'],
    ['Café Müller GmbH & Co. KG', 'cafe muller'],
    ['Ações Brasil Ltda.', 'acoes brasil'],
    ['Acme N.V.', 'acme'],
    ['Société Générale S.A.S.', 'societe generale'],
    ['Grupo Bimbo, S.A.B. de C.V.', 'grupo bimbo'],
    ['Smith & Sons LLC', 'smith and sons'],
    ['A.B. Dick Company', 'ab dick'],
  ])('%s → %s', (name, expected) => {
    expect(normalizeCompanyName(name)).toBe(expected);
  });

  it('keeps a legal form that is not at the end, and a name made only of one', () => {
    expect(normalizeCompanyName('Limited Brands Holdings')).toBe('limited brands holdings');
    expect(normalizeCompanyName('Inc.')).toBe('inc');
    expect(normalizeCompanyName('Smith and')).toBe('smith and');
  });

  it('gives null for nothing', () => {
    expect(normalizeCompanyName(null)).toBeNull();
    expect(normalizeCompanyName('  ')).toBeNull();
    expect(normalizeCompanyName('.,;')).toBeNull();
  });
});

describe('registrableDomain', () => {
  it.each([
    ['https://www.redwood-resorts.co.uk/about', 'redwood-resorts.co.uk'],
    ['www.EXAMPLE.com.br', 'example.com.br'],
    ['ana@mail.banque-provence.fr', 'banque-provence.fr'],
    ['acme.github.io', 'acme.github.io'],
    ['http://shop.acme.com:8080/path?q=1', 'acme.com'],
  ])('%s → %s', (input, expected) => {
    expect(registrableDomain(input)).toBe(expected);
  });

  it('gives null where there is no registrable domain', () => {
    for (const input of [null, '', 'http://192.168.1.1', 'localhost', 'foo@bar', 'not a url']) {
      expect(registrableDomain(input)).toBeNull();
    }
  });
});
