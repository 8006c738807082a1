import {
  AwsAccountReference,
  isAwsAccountId,
  summarizeAwsAccounts,
} from '@revops/transformation/identity/aws-accounts';
import { mostFrequent } from '@revops/transformation/identity/most-frequent';
import { similarNames } from '@revops/transformation/identity/similar-names';
import { LabelledUnionFind } from '@revops/transformation/identity/union-find';

const ACCOUNT = '123456789012';
const day = (d: number) => Date.UTC(2025, 0, d);

function reference(fields: Partial<AwsAccountReference> = {}): AwsAccountReference {
  return {
    awsAccountId: ACCOUNT,
    source: 'ace_opportunity',
    companyName: 'Acme Health Inc.',
    nameNormalized: 'acme health',
    domain: 'acmehealth.com',
    countryCode: 'US',
    createdMs: day(1),
    modifiedMs: day(2),
    ...fields,
  };
}

describe('summarizeAwsAccounts', () => {
  it('dates an account by its references: earliest creation, latest modification', () => {
    const [account] = summarizeAwsAccounts([
      reference({ createdMs: day(5), modifiedMs: day(9) }),
      reference({ createdMs: day(3), modifiedMs: day(4) }),
      reference({ source: 'apn_aws_account', createdMs: day(3), modifiedMs: day(20) }),
    ]);
    expect(account).toMatchObject({
      awsAccountId: ACCOUNT,
      firstSeen: new Date(day(3)),
      lastSeen: new Date(day(20)),
      sources: ['ace_opportunity', 'apn_aws_account'],
      aceOpportunities: 2,
    });
  });

  it('skips malformed ids: validation reports them', () => {
    const ids = ['12345678901', '1234567890123', '12345678901a', '1234-5678-9012', ACCOUNT];
    const accounts = summarizeAwsAccounts(ids.map((awsAccountId) => reference({ awsAccountId })));
    expect(accounts.map((a) => a.awsAccountId)).toEqual([ACCOUNT]);
    expect(ids.filter(isAwsAccountId)).toEqual([ACCOUNT]);
  });

  it('takes the company most references give, then the latest', () => {
    const globex = {
      companyName: 'Globex',
      nameNormalized: 'globex',
      domain: 'globex.com',
      countryCode: 'DE',
    };
    const [mostly] = summarizeAwsAccounts([
      reference({ modifiedMs: day(1) }),
      reference({ modifiedMs: day(2) }),
      reference({ ...globex, modifiedMs: day(30) }),
    ]);
    expect(mostly).toMatchObject({
      companyName: 'Acme Health Inc.',
      companyNameNormalized: 'acme health',
      domain: 'acmehealth.com',
      countryCode: 'US',
      companyNames: ['Acme Health Inc.', 'Globex'],
      distinctCompanies: 2,
    });
    const [tie] = summarizeAwsAccounts([
      reference({ modifiedMs: day(1) }),
      reference({ ...globex, modifiedMs: day(30) }),
    ]);
    expect(tie).toMatchObject({
      companyName: 'Globex',
      domain: 'globex.com',
      companyNames: ['Globex', 'Acme Health Inc.'],
    });
  });

  it('counts a typo, another spelling or a shared domain as the same company', () => {
    const [account] = summarizeAwsAccounts([
      reference(),
      reference({ companyName: 'ACME HELTH', nameNormalized: 'acme helth', domain: null }),
      reference({ companyName: 'Acme Health Services', nameNormalized: 'acme health services' }),
      reference({ companyName: 'Acme Health, Inc', domain: null }),
    ]);
    expect(account.distinctCompanies).toBe(1);
    expect(account.companyNames).toEqual(['Acme Health Inc.']);
  });

  it('speaks for the company only from opportunities while any names the account', () => {
    const listed = reference({
      source: 'apn_aws_account',
      companyName: 'Old Name',
      nameNormalized: 'old name',
      domain: 'old.com',
    });
    const [both] = summarizeAwsAccounts([listed, reference()]);
    expect(both).toMatchObject({ companyName: 'Acme Health Inc.', distinctCompanies: 1 });
    const [onlyListed] = summarizeAwsAccounts([listed]);
    expect(onlyListed).toMatchObject({
      companyName: 'Old Name',
      domain: 'old.com',
      sources: ['apn_aws_account'],
      aceOpportunities: 0,
    });
  });

  it('gives accounts in id order, and the same summary whatever the order of references', () => {
    const refs = [
      reference({ awsAccountId: '999999999999' }),
      reference({
        companyName: 'Globex',
        nameNormalized: 'globex',
        domain: 'globex.com',
        modifiedMs: day(2),
      }),
      reference(),
    ];
    const forward = summarizeAwsAccounts(refs);
    expect(forward.map((a) => a.awsAccountId)).toEqual([ACCOUNT, '999999999999']);
    expect(summarizeAwsAccounts([...refs].reverse())).toEqual(forward);
  });
});

describe('similarNames', () => {
  it.each([
    ['acme health', 'acme health', true],
    ['acme health', 'acme helth', true], // dropped
    ['acme health', 'acme heatlh', true], // swapped
    ['acme health', 'acme hxalth', true], // replaced
    ['acme health', 'acme healthcare', false],
    ['acme', 'acne', false], // too short to forgive
    ['globex', 'acme health', false],
  ])('%s ~ %s: %s', (a, b, same) => {
    expect(similarNames(a, b)).toBe(same);
    expect(similarNames(b, a)).toBe(same);
  });
});

describe('mostFrequent', () => {
  it('picks the most frequent, then the latest, then the smallest, ignoring nulls', () => {
    const at = (value: string | null, time: number | null) => ({ value, at: time });
    expect(mostFrequent([at('b', 1), at('a', 1), at('b', 0), at(null, 9), at(null, 9)])).toBe('b');
    expect(mostFrequent([at('a', 1), at('b', 5)])).toBe('b');
    expect(mostFrequent([at('b', 5), at('a', 5)])).toBe('a');
    expect(mostFrequent([at('b', null), at('a', null)])).toBe('a');
    expect(mostFrequent([at(null, 1)])).toBeNull();
  });
});

describe('LabelledUnionFind', () => {
  it('joins sets, carries their label, and refuses to join two labels', () => {
    const sets = new LabelledUnionFind(['a.com', null, null, 'b.com']);
    expect(sets.union(0, 1)).toBe(true);
    expect(sets.union(2, 3)).toBe(true);
    expect(sets.label(1)).toBe('a.com');
    expect(sets.label(2)).toBe('b.com');
    expect(sets.union(1, 2)).toBe(false);
    expect(sets.find(0)).not.toBe(sets.find(3));
  });
});
