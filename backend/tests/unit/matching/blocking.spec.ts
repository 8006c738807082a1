import { BlockingIndex, BlockingRule } from '@revops/matching/blocking/blocking';
import { MatchContext } from '@revops/matching/records/match-context';
import { MatchRecord } from '@revops/matching/records/match-record';
import { aceRecord, odooRecord } from './match-records';

const OPTIONS = { maxKeyRecords: 3, nameCandidates: 5, maxWordRecords: 50 };

/** The rules that pair `ace` with each Odoo record, among these records only. */
function rulesFor(ace: MatchRecord, odoo: MatchRecord[]): Map<string, BlockingRule[]> {
  const found = new MatchContext(odoo, [ace], OPTIONS).candidates();
  return new Map([...found].map(([key, rules]) => [key.split(':')[1], [...rules]]));
}

describe('blocking rules: each finds its pair and not a stranger', () => {
  const stranger = odooRecord('99', { customer: 'Blue Rhino Propane', country: 'US', postcode: '34474' }); // prettier-ignore

  it.each([
    ['reference', { reference: '7' }, {}],
    ['company', { companyId: '12' }, { companyId: '12' }],
    ['domain', { domain: 'lakeview.org' }, { domain: 'lakeview.org' }],
    ['account', { awsAccounts: ['123456789012'] }, { awsAccounts: ['123456789012'] }],
    ['postcode', { country: 'US', postcode: '19033' }, { country: 'US', postcode: '19033-8424' }],
    ['phone', { country: 'US', phones: ['+18447475435'] }, { country: 'US', phones: ['(844) 747-5435'] }], // prettier-ignore
    ['email', { emails: ['ana@lakeview.org'] }, { emails: ['Ana@Lakeview.org'] }],
    ['name', { customer: 'Lakeview Community Ctr.' }, { customer: 'Lakeview Community Center' }],
  ] as [BlockingRule, object, object][])('%s', (rule, aceFields, odooFields) => {
    const ace = aceRecord('A1', aceFields);
    const odoo = odooRecord('7', odooFields);
    const found = rulesFor(ace, [odoo, stranger]);
    expect(found.get('7')).toContain(rule);
    expect(found.has('99')).toBe(false);
  });

  it('name: initials find the spelled-out name, a rare shared word finds its holder', () => {
    const found = rulesFor(aceRecord('A1', { customer: 'IBM Corp.' }), [
      odooRecord('1', { customer: 'International Business Machines Corporation' }),
      stranger,
    ]);
    expect(found.get('1')).toEqual(['name']);
    const word = rulesFor(
      aceRecord('A2', { customer: 'Northwind Health Partners – Lakeview Clinic' }),
      [
        // prettier-ignore
        odooRecord('2', { customer: 'Lakeview Clinic' }),
        stranger,
      ],
    );
    expect(word.get('2')).toEqual(['name']);
  });

  it('a key on more records than maxKeyRecords finds nothing (a chain’s shared domain)', () => {
    const chain = ['1', '2', '3', '4'].map((id) => odooRecord(id, { domain: 'walmart.com' }));
    const found = rulesFor(aceRecord('A1', { domain: 'walmart.com' }), chain);
    expect(found.size).toBe(0);
  });

  it('name candidates are capped per record, the rarest shared words first', () => {
    const odoo = [
      ...Array.from({ length: 8 }, (_, i) =>
        odooRecord(String(i), { customer: `Acme Store ${i}` }),
      ),
      odooRecord('rare', { customer: 'Zyxwv Store' }),
    ];
    const index = new BlockingIndex(odoo, [], { ...OPTIONS, nameCandidates: 2 });
    const found = index.candidatesOf(aceRecord('A1', { customer: 'Zyxwv Acme Store' }));
    expect(found.size).toBe(2);
    expect(found.has('rare')).toBe(true);
  });
});

describe('MatchContext.candidates with a focus', () => {
  it('finds for the focus records exactly the pairs a full run finds for them', () => {
    const words = ['Lakeview', 'Harbor', 'Clinic', 'Dental', 'Services', 'North', 'Bakery'];
    const name = (i: number) => `${words[i % 7]} ${words[(i * 3) % 7]} ${i % 5 ? '' : 'Group'}`;
    const odoo = Array.from({ length: 60 }, (_, i) => odooRecord(String(i), { customer: name(i), postcode: String(i % 9), country: 'US' })); // prettier-ignore
    const ace = Array.from({ length: 40 }, (_, i) => aceRecord(`A${i}`, { customer: name(i * 2), postcode: String(i % 7), country: 'US' })); // prettier-ignore
    const context = new MatchContext(odoo, ace, { maxKeyRecords: 10, nameCandidates: 3, maxWordRecords: 100 }); // prettier-ignore
    const all = [...context.candidates().keys()];
    const focusAce = ['A1', 'A7', 'A30'];
    expect([...context.candidates([], { source: 'ace', ids: focusAce }).keys()].sort()).toEqual(
      all.filter((k) => focusAce.includes(k.split(':')[0])).sort(),
    );
    const focusOdoo = ['3', '44'];
    expect([...context.candidates([], { source: 'odoo', ids: focusOdoo }).keys()].sort()).toEqual(
      all.filter((k) => focusOdoo.includes(k.split(':')[1])).sort(),
    );
  });
});
