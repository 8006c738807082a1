import { countryName } from '@revops/embedding/text/country-name';
import { contentHash, opportunityText } from '@revops/embedding/text/opportunity-text';

describe('opportunityText', () => {
  const fields = {
    title: 'Data warehouse migration',
    customer: 'Hospital Santa Clara',
    industry: 'Healthcare',
    country: 'Brazil',
    stage: 'Qualified',
    useCase: null,
    description: 'Move the on-prem warehouse to Redshift.',
  };

  it('puts the title first and labels the rest, leaving out empty fields', () => {
    expect(opportunityText(fields)).toBe(
      [
        'Data warehouse migration',
        'Customer: Hospital Santa Clara',
        'Industry: Healthcare',
        'Country: Brazil',
        'Stage: Qualified',
        'Move the on-prem warehouse to Redshift.',
      ].join('\n'),
    );
  });

  it('changes its hash only when the text changes', () => {
    expect(contentHash(opportunityText(fields))).toBe(contentHash(opportunityText({ ...fields })));
    expect(contentHash(opportunityText(fields))).not.toBe(
      contentHash(opportunityText({ ...fields, stage: 'Won' })),
    );
  });
});

describe('countryName', () => {
  it('names ISO codes in English whatever their case, and passes others through', () => {
    expect(countryName('BR')).toBe('Brazil');
    expect(countryName('de')).toBe('Germany');
    expect(countryName('XK1')).toBe('XK1');
    expect(countryName(null)).toBeNull();
  });
});
