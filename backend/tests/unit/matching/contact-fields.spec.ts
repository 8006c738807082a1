import { address, compareAddresses, normalisePostcode } from '@revops/matching/comparison/address';
import { compareContacts, personName } from '@revops/matching/comparison/person-name';
import { toE164 } from '@revops/matching/comparison/phone';

const at = (street: string | null, postcode: string | null, city: string | null) =>
  address({ street, postcode, city })!;

describe('toE164', () => {
  it('reads national numbers in the record’s country and international ones as given', () => {
    expect(toE164('(360) 432-9655', 'US')).toBe('+13604329655');
    expect(toE164('956621050', 'ES')).toBe('+34956621050');
    expect(toE164('+18447475435', null)).toBe('+18447475435');
    expect(toE164('8447475435', 'us')).toBe('+18447475435');
  });

  it('is null for what is not a phone number', () => {
    expect(toE164('NULL', 'US')).toBeNull();
    expect(toE164('', 'US')).toBeNull();
    expect(toE164('12', 'US')).toBeNull();
  });
});

describe('addresses', () => {
  it('normalises postcodes: no spaces or hyphens, ZIP+4 as five digits', () => {
    expect(normalisePostcode('27529-8424')).toBe('27529');
    expect(normalisePostcode('sw1p 4jn')).toBe('SW1P4JN');
    expect(normalisePostcode('n/a')).toBeNull();
  });

  it('street: house number and street, suites and abbreviations aside', () => {
    const a = at('420 E MacDade Blvd', '19033', 'Folsom');
    const b = at('420 Macdade Boulevard Ste 300', '19033-1234', 'Folsom');
    expect(compareAddresses(a, b).level).toBe('street');
    expect(compareAddresses(a, at('6060 SW Highway 200', '19033', 'Folsom')).level).toBe('postcode'); // prettier-ignore
  });

  it('a free-text line without a house number agrees when most words do', () => {
    const a = at('lot f2 seethawaka industrial park avissawella sri lanka', null, null);
    const b = at('lot f2 seethawaka industrial park avissawella', null, null);
    expect(compareAddresses(a, b).level).toBe('street');
  });

  it('city, different and missing', () => {
    expect(compareAddresses(at(null, null, 'São Paulo'), at(null, null, 'Sao Paulo')).level).toBe('city'); // prettier-ignore
    expect(compareAddresses(at(null, '19033', 'Folsom'), at(null, '10001', 'Folsom')).level).toBe('different'); // prettier-ignore
    expect(compareAddresses(at('1 Main St', null, null), at(null, null, 'Folsom')).level).toBe('missing'); // prettier-ignore
  });
});

describe('contacts', () => {
  const people = (...names: string[]) => names.map((n) => personName(n)!);

  it('equal in any order, similar on a typo or an initial, else different', () => {
    expect(compareContacts(people('Anna Smith'), people('Smith, Anna'))).toBe('equal');
    expect(compareContacts(people('Anna Smith'), people('A. Smith'))).toBe('similar');
    expect(compareContacts(people('Jonathan Reed'), people('Jonathon Reed'))).toBe('similar');
    expect(compareContacts(people('Anna Smith'), people('Bram de Vries', 'Anna Smith'))).toBe('equal'); // prettier-ignore
    expect(compareContacts(people('Anna Smith'), people('Bram de Vries'))).toBe('different');
    expect(compareContacts([], people('Anna Smith'))).toBe('missing');
  });
});
