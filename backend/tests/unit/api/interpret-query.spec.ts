import fc from 'fast-check';
import countries from 'world-countries';
import { ACE_INDUSTRIES, interpretQuery } from '@revops/api/search/interpretation';

const today = new Date('2026-05-14T12:00:00Z');
const read = (q: string) => interpretQuery(q, today);

describe('interpretQuery: the examples of issue 18', () => {
  it('reads a hospital group in Brazil as a country and an industry, keeping the industry words', () => {
    expect(read('hospital group in Brazil')).toEqual({
      text: 'hospital group',
      country: 'BR',
      industry: 'Healthcare',
    });
  });

  it('reads a described deal of the evaluation', () => {
    expect(
      read('a patient records platform for their clinics for a hospital group in Brazil'),
    ).toEqual({
      text: 'a patient records platform for their clinics for a hospital group',
      country: 'BR',
      industry: 'Healthcare',
    });
  });

  it('returns the query as it is when it names nothing', () => {
    expect(read('SAP  migration  to the cloud')).toEqual({ text: 'SAP migration to the cloud' });
    expect(read('')).toEqual({ text: '' });
  });
});

describe('interpretQuery: countries', () => {
  it.each([
    ['bank in Germany', 'DE', 'bank'],
    ['bank from Germany', 'DE', 'bank'],
    ['retailer in the United States', 'US', 'retailer'],
    ['retailer in the United Kingdom', 'GB', 'retailer'],
    ['mining company in South Africa', 'ZA', 'mining company'],
    ['hotel chain in the Netherlands', 'NL', 'hotel chain'],
    ['hotel group in Côte d’Ivoire', 'CI', 'hotel group'],
    ['telco in Myanmar (Burma)', 'MM', 'telco'],
    ['bank in Republic of Turkey', 'TR', 'bank'],
  ])('names in English: %s', (q, country, text) => {
    expect(read(q)).toMatchObject({ country, text });
  });

  it.each([
    ['hospitais no Brasil', 'BR', 'hospitais'],
    ['hospitales en España', 'ES', 'hospitales'],
    ['bancos em Alemanha', 'DE', 'bancos'],
    ['Krankenhaus in Deutschland', 'DE', 'Krankenhaus'],
    ['banque au Canada', 'CA', 'banque'],
    ['ospedale in Italia', 'IT', 'ospedale'],
    ['ziekenhuis in Nederland', 'NL', 'ziekenhuis'],
    ['retail en México', 'MX', 'retail'],
    ['bank in espana', 'ES', 'bank'],
    ['bank in BRASIL', 'BR', 'bank'],
  ])('names in the other served languages, accents and case ignored: %s', (q, country, text) => {
    expect(read(q)).toMatchObject({ country, text });
  });

  it.each([
    ['Brazilian bank', 'BR', 'bank'],
    ['German manufacturer', 'DE', 'manufacturer'],
    ['a French insurer', 'FR', 'a insurer'],
    ['Dutch logistics company', 'NL', 'logistics company'],
    ['banque brésilienne', 'BR', 'banque'],
    ['Polish bank', 'PL', 'bank'],
  ])('demonyms, taken out without a place word: %s', (q, country, text) => {
    expect(read(q)).toMatchObject({ country, text });
  });

  it.each([
    ['bank in BR', 'BR', 'bank'],
    ['retailer in the UK', 'GB', 'retailer'],
    ['USA retailer', 'US', 'retailer'],
    ['bank in the US', 'US', 'bank'],
    ['UAE retailer', 'AE', 'retailer'],
    ['U.S. hospital', 'US', 'hospital'],
    ['bank in DEU', 'DE', 'bank'],
  ])('ISO codes and short forms written in capitals: %s', (q, country, text) => {
    expect(read(q)).toMatchObject({ country, text });
  });

  it.each([
    'IT modernisation for a bank',
    'IT services',
    'deals in IT',
    'bank in br',
    'us retail bank',
    'SAP for a bank in DE',
    'software company in IN',
    'move AI workloads',
    'HR system for a hospital',
    'CI/CD pipeline',
    'IOT sensors for a factory',
    'PL/SQL migration',
    'QA automation',
    'hotel in CA',
    'CAN bus telemetry',
    'BANK IN BR',
  ])('never reads a code that is a word, an abbreviation or lower case: %s', (q) => {
    const found = read(q);
    expect(found.country).toBeUndefined();
    expect(found.text).toBe(q);
  });

  it.each([
    'polish the dashboard',
    'turkey sandwich shop',
    'island resort booking',
    'hospital in Salvador',
    'bank in New Jersey',
    'British Columbia hospital',
    'American Express',
    'China Mobile',
    'Swiss Re',
    'Indian Ocean shipping',
    'Open Systems Ltd',
    'Wonderland',
  ])('never reads a word, another place or a company name as a country: %s', (q) => {
    const found = read(q);
    expect(found.country).toBeUndefined();
    expect(found.text).toBe(q);
  });

  it('reads a country inside a company name when a place word introduces it', () => {
    expect(read('Banco do Brasil')).toEqual({
      text: 'Banco',
      country: 'BR',
      industry: 'Financial Services',
    });
  });

  it('takes no country when the query names two, and leaves both names in the text', () => {
    expect(read('banks in Brazil and Argentina')).toEqual({
      text: 'banks in Brazil and Argentina',
      industry: 'Financial Services',
    });
    expect(read('from Spain to Portugal')).toEqual({ text: 'from Spain to Portugal' });
  });

  it('takes one country named twice, both times', () => {
    expect(read('Brazilian bank in Brazil')).toEqual({
      text: 'bank',
      country: 'BR',
      industry: 'Financial Services',
    });
  });

  it('takes no country for a name two countries share', () => {
    expect(read('bank in Korea').country).toBeUndefined();
    expect(read('Congolese bank').country).toBeUndefined();
    expect(read('bank in South Korea').country).toBe('KR');
  });

  it('reads the English name of every ACE country code (what the embedded text says) as that code', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    const wrong = countries
      .map((c) => ({ code: c.cca2, found: read(`bank in ${names.of(c.cca2)}`) }))
      .filter(({ code, found }) => found.country !== code || found.text !== 'bank')
      .map(({ code, found }) => `${code}: ${JSON.stringify(found)}`);
    expect(wrong).toEqual([]);
  });

  it('reads every country by its world-countries common name', () => {
    const wrong = countries
      .filter((c) => !['Saint Martin'].includes(c.name.common))
      .filter((c) => read(`bank in ${c.name.common}`).country !== c.cca2)
      .map((c) => c.name.common);
    expect(wrong).toEqual([]);
  });
});

// scripts/06-evaluation/lib/search-queries.ts INDUSTRY_NOUNS: how eval:search describes each.
const EVALUATION_NOUNS: Record<string, string> = {
  'Financial Services': 'bank',
  Manufacturing: 'manufacturer',
  Retail: 'retailer',
  Healthcare: 'hospital group',
  'Transportation and Logistics': 'logistics company',
  'Software and Internet': 'software company',
  Telecommunications: 'telecom operator',
  'Energy - Power and Utilities': 'utility',
  'Life Sciences': 'pharma company',
  Education: 'university',
  Hospitality: 'hotel chain',
  'Professional Services': 'consultancy',
  'Wholesale and Distribution': 'distributor',
  'Consumer Goods': 'consumer goods maker',
  Government: 'public agency',
};

describe('interpretQuery: industries', () => {
  it.each(Object.entries(EVALUATION_NOUNS))(
    'reads the evaluation’s word for %s, "%s", and keeps it in the text',
    (industry, noun) => {
      const q = `moving their databases to a managed cloud service for a ${noun} in Japan`;
      expect(read(q)).toEqual({
        text: `moving their databases to a managed cloud service for a ${noun}`,
        country: 'JP',
        industry,
      });
    },
  );

  it.each([
    'connected devices watching the factory floor',
    'hospital systems holding medical data',
    'database licences too expensive, looking at open source',
    'sensors on machines sending telemetry',
  ])('reads the customer’s industry, not the project’s words, in "%s for a …"', (project) => {
    const wrong = Object.entries(EVALUATION_NOUNS)
      .map(([industry, noun]) => ({ industry, found: read(`${project} for a ${noun} in Brazil`) }))
      .filter(
        ({ industry, found }) =>
          found.industry !== industry || found.country !== 'BR' || found.stageCategory,
      )
      .map(({ industry, found }) => `${industry}: ${JSON.stringify(found)}`);
    expect(wrong).toEqual([]);
  });

  it.each([
    ['hospital', 'Healthcare'],
    ['clinics', 'Healthcare'],
    ['health', 'Healthcare'],
    ['hospitality', 'Hospitality'],
    ['hotels', 'Hospitality'],
    ['banks', 'Financial Services'],
    ['insurer', 'Financial Services'],
    ['fintech', 'Financial Services'],
    ['store chain', 'Retail'],
    ['supermarkets', 'Retail'],
    ['universities', 'Education'],
    ['school', 'Education'],
    ['pharma', 'Life Sciences'],
    ['factory', 'Manufacturing'],
    ['logistics', 'Transportation and Logistics'],
    ['SaaS', 'Software and Internet'],
    ['ministry', 'Government'],
    ['utilities', 'Energy - Power and Utilities'],
    ['banco', 'Financial Services'],
    ['bancos', 'Financial Services'],
    ['hospitais', 'Healthcare'],
    ['hospitales', 'Healthcare'],
    ['clínica', 'Healthcare'],
    ['universidad', 'Education'],
    ['universidade', 'Education'],
    ['Universidades', 'Education'],
    ['aerolínea', 'Travel'],
  ])('reads "%s" as %s', (word, industry) => {
    expect(read(`cloud migration for a ${word}`)).toEqual({
      text: `cloud migration for a ${word}`,
      industry,
    });
  });

  it('reads every ACE industry by its own name', () => {
    const wrong = ACE_INDUSTRIES.filter((industry) => industry !== 'Other').filter(
      (industry) => read(`${industry} customers`).industry !== industry,
    );
    expect(wrong).toEqual([]);
  });

  it('lists the 28 ACE values, Other included', () => {
    expect(ACE_INDUSTRIES).toHaveLength(28);
    expect(ACE_INDUSTRIES).toContain('Other');
  });

  it.each([
    'health check automation',
    'data mining platform',
    'Azure Data Factory migration',
    'utility functions library',
    'server farm consolidation',
    'travel expenses app',
  ])('reads no industry in phrases that only hold an industry word: %s', (q) => {
    expect(read(q)).toEqual({ text: q });
  });

  it('takes the industry introduced as the customer when two are named', () => {
    expect(read('connected devices watching the factory floor for a bank').industry).toBe(
      'Financial Services',
    );
  });

  it('takes no industry when two are named and none is introduced as the customer', () => {
    expect(read('Bank Street Cafe').industry).toBeUndefined();
  });
});

describe('interpretQuery: stage categories', () => {
  it.each([
    ['won deals', 'won', ''],
    ['closed won', 'won', ''],
    ['Closed-Won opportunities in Brazil', 'won', ''],
    ['lost opportunities', 'lost', ''],
    ['closed lost deals for a bank', 'lost', 'for a bank'],
    ['deals lost to Azure', 'lost', 'to Azure'],
    ['open pipeline', 'open', ''],
    ['open deals for a retailer', 'open', 'for a retailer'],
    ['active opportunities', 'open', ''],
    ['migration in progress', 'open', 'migration'],
    ['stage: won', 'won', ''],
    ['won', 'won', ''],
    ['lost', 'lost', ''],
    ['open', 'open', ''],
    ['show all won', 'won', ''],
    ['won in Brazil', 'won', ''],
    ['oportunidades ganhas', 'won', ''],
    ['oportunidades perdidas', 'lost', ''],
    ['negocios abiertos', 'open', ''],
  ])('reads "%s" as %s', (q, stageCategory, text) => {
    expect(read(q)).toMatchObject({ stageCategory, text });
  });

  it.each([
    'open source database',
    'open banking platform',
    'lost data recovery',
    "won't renew",
    'Wonderland Ltd',
    'Open Systems Ltd',
    'the customer won an award',
    'an open question',
    'CI/CD pipeline active',
    'vinte clínicas',
  ])('reads no stage where the word means something else: %s', (q) => {
    expect(read(q).stageCategory).toBeUndefined();
    expect(read(q).text).toBe(q);
  });

  it('takes no stage when the query names two', () => {
    expect(read('won and lost deals').stageCategory).toBeUndefined();
  });
});

describe('interpretQuery: what is left', () => {
  it('leaves no text when only deal nouns and small words are left', () => {
    expect(read('deals in Brazil')).toEqual({ text: '', country: 'BR' });
    expect(read('show me won deals')).toEqual({ text: '', stageCategory: 'won' });
  });

  it('never adds a word: the text is the query’s words, in order, some taken out', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'hospital',
            'in',
            'Brazil',
            'IT',
            'won',
            'deals',
            'over',
            '100k',
            'closing',
            'Q3',
            'open',
            'source',
            'bank',
            'BR',
            'the',
            'by',
            'end',
            'of',
            'year',
            '2024',
            'Germany',
            'lost',
            'between',
            '5',
            'and',
            '2m',
            'Brazilian',
            '(',
            ')',
            ',',
            'é',
            '$',
          ),
          { maxLength: 12 },
        ),
        (words) => {
          const q = words.join(' ');
          const left = read(q).text.split(' ').filter(Boolean);
          const all = q.split(' ').filter(Boolean);
          let at = 0;
          for (const word of left) {
            while (at < all.length && !all[at].includes(word)) at++;
            expect(at).toBeLessThan(all.length);
            at++;
          }
        },
      ),
    );
  });

  it('reads anything without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (q) => {
        expect(typeof read(q).text).toBe('string');
      }),
    );
  });
});
