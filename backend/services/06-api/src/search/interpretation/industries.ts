import { type PhraseMatch, PhraseTable } from './phrase-table';
import { phraseKey, type Token } from './tokens';

/** ACE's `Customer.Account.Industry` values (Partner Central Selling API, enum Industry). */
export const ACE_INDUSTRIES = [
  'Aerospace',
  'Agriculture',
  'Automotive',
  'Computers and Electronics',
  'Consumer Goods',
  'Education',
  'Energy - Oil and Gas',
  'Energy - Power and Utilities',
  'Financial Services',
  'Gaming',
  'Government',
  'Healthcare',
  'Hospitality',
  'Life Sciences',
  'Manufacturing',
  'Marketing and Advertising',
  'Media and Entertainment',
  'Mining',
  'Non-Profit Organization',
  'Professional Services',
  'Real Estate and Construction',
  'Retail',
  'Software and Internet',
  'Telecommunications',
  'Transportation and Logistics',
  'Travel',
  'Wholesale and Distribution',
  'Other',
] as const;

export type AceIndustry = (typeof ACE_INDUSTRIES)[number];

/**
 * What analysts call a company of each industry, singular, in English and (for the main
 * ones) Spanish, Portuguese, French, German, Italian and Dutch. Plurals are derived. Each
 * value's own name counts too ("healthcare", "financial services").
 */
const WORDS: Record<Exclude<AceIndustry, 'Other'>, string[]> = {
  Aerospace: ['aerospace company', 'aircraft manufacturer', 'aerospace', 'aeroespacial'],
  Agriculture: ['agribusiness', 'farm', 'agricultural company', 'agronegocio', 'agro'],
  Automotive: ['carmaker', 'automaker', 'car manufacturer', 'auto parts', 'car dealership'],
  'Computers and Electronics': ['electronics maker', 'semiconductor', 'chipmaker', 'electronics'],
  'Consumer Goods': ['consumer goods maker', 'consumer goods', 'fmcg', 'cpg'],
  Education: [
    'university',
    'school',
    'college',
    'edtech',
    'universidad',
    'universidade',
    'universite',
    'universitat',
    'universita',
    'universiteit',
    'escuela',
    'escola',
    'colegio',
    'faculdade',
  ],
  'Energy - Oil and Gas': ['oil and gas', 'oil company', 'refinery', 'petroleum', 'petrolera'],
  'Energy - Power and Utilities': [
    'utility',
    'utility company',
    'power company',
    'electric utility',
    'power utility',
    'water utility',
    'electricity provider',
    'energy utility',
  ],
  'Financial Services': [
    'bank',
    'banking',
    'insurer',
    'insurance company',
    'insurance',
    'fintech',
    'credit union',
    'asset manager',
    'brokerage',
    'payments company',
    'banco',
    'banca',
    'banque',
    'seguradora',
    'aseguradora',
    'assurance',
    'versicherung',
  ],
  Gaming: ['game studio', 'gaming company', 'video game', 'game developer', 'game publisher'],
  Government: [
    'public agency',
    'government agency',
    'government',
    'ministry',
    'municipality',
    'city council',
    'public sector',
    'federal agency',
    'state agency',
    'gobierno',
    'governo',
    'ministerio',
    'prefeitura',
    'ayuntamiento',
    'ministere',
  ],
  Healthcare: [
    'hospital',
    'hospital group',
    'hospital network',
    'clinic',
    'health',
    'healthcare provider',
    'health system',
    'medical center',
    'medical centre',
    'clinica',
    'clinique',
    'hopital',
    'krankenhaus',
    'klinik',
    'ospedale',
    'ziekenhuis',
    'saude',
    'salud',
  ],
  Hospitality: [
    'hotel',
    'hotel chain',
    'hotel group',
    'resort',
    'restaurant chain',
    'restaurant',
    'cafe',
    'coffee shop',
    'hotelera',
  ],
  'Life Sciences': [
    'pharma',
    'pharma company',
    'pharmaceutical company',
    'pharmaceutical',
    'biotech',
    'drugmaker',
    'farmaceutica',
    'laboratorio farmaceutico',
  ],
  Manufacturing: ['manufacturer', 'factory', 'industrial company', 'fabricante', 'fabrica'],
  'Marketing and Advertising': [
    'marketing agency',
    'advertising agency',
    'ad agency',
    'advertising',
    'agencia de publicidad',
    'agencia de publicidade',
  ],
  'Media and Entertainment': [
    'media company',
    'broadcaster',
    'news publisher',
    'publishing house',
    'newspaper',
    'entertainment company',
    'streaming service',
    'tv channel',
    'film studio',
    'record label',
  ],
  Mining: ['mining company', 'mining', 'mineradora', 'minera'],
  'Non-Profit Organization': [
    'non profit',
    'nonprofit',
    'ngo',
    'charity',
    'ong',
    'sin fines de lucro',
  ],
  'Professional Services': [
    'consultancy',
    'consulting firm',
    'consulting company',
    'law firm',
    'accounting firm',
    'audit firm',
    'consultora',
    'consultoria',
  ],
  'Real Estate and Construction': [
    'real estate',
    'construction company',
    'property developer',
    'constructora',
    'construtora',
    'inmobiliaria',
    'imobiliaria',
  ],
  Retail: [
    'retailer',
    'retail chain',
    'store chain',
    'supermarket',
    'supermarket chain',
    'grocer',
    'grocery chain',
    'department store',
    'ecommerce',
    'e commerce',
    'online shop',
    'online store',
    'supermercado',
    'varejista',
    'minorista',
    'tienda',
    'loja',
  ],
  'Software and Internet': [
    'software company',
    'software vendor',
    'software house',
    'saas',
    'saas company',
    'saas provider',
    'isv',
    'internet company',
  ],
  Telecommunications: [
    'telecom',
    'telecom operator',
    'telecom company',
    'telco',
    'mobile operator',
    'internet provider',
    'isp',
    'operadora',
    'telecomunicaciones',
    'telecomunicacoes',
  ],
  'Transportation and Logistics': [
    'logistics',
    'logistics company',
    'logistics group',
    'logistics provider',
    'shipping company',
    'freight',
    'freight forwarder',
    'trucking company',
    'courier',
    'railway',
    'logistica',
    'transportadora',
  ],
  Travel: [
    'airline',
    'travel agency',
    'tour operator',
    'cruise line',
    'aerolinea',
    'companhia aerea',
  ],
  'Wholesale and Distribution': [
    'distributor',
    'wholesaler',
    'distribuidor',
    'distribuidora',
    'mayorista',
    'atacadista',
  ],
};

/** Phrases holding an industry word that say something else: no industry from them. */
const NOT_AN_INDUSTRY = [
  'health check',
  'health checks',
  'health monitoring',
  'data mining',
  'text mining',
  'process mining',
  'travel expense',
  'travel expenses',
  'school holidays',
  'data factory',
  'software factory',
  'factory pattern',
  'factory method',
  'server farm',
  'render farm',
  'build farm',
  'utility function',
  'utility script',
  'utility class',
  'utility tool',
  'utility computing',
];

/** Words before an industry word that mark it as the customer: "for a bank", "para um banco". */
const INTRODUCERS = new Set(
  'a an for um uma un una une para pour ein eine einen een voor fur'.split(' '),
);

/**
 * Plurals of a phrase's last word in English, Spanish, Portuguese and French ("banks",
 * "hospitales", "hospitais", "hôpitaux" folded, "universities"); none for a word already
 * ending in s ("logistics", "saas").
 */
function plurals(key: string): string[] {
  const words = key.split(' ');
  const last = words.pop() ?? '';
  if (last.endsWith('s')) return [];
  const forms = [`${last}s`, `${last}es`];
  if (/[^aeiou]y$/.test(last)) forms.push(`${last.slice(0, -1)}ies`);
  if (last.endsWith('al')) forms.push(`${last.slice(0, -1)}is`, `${last.slice(0, -2)}aux`);
  return forms.map((form) => [...words, form].join(' '));
}

function buildTable(): PhraseTable<AceIndustry | null> {
  const table = new PhraseTable<AceIndustry | null>();
  const put = (key: string, industry: AceIndustry | null, derived: boolean) => {
    const existing = table.get(key);
    if (existing !== undefined && existing !== industry) {
      if (derived) return;
      throw new Error(
        `"${key}" names both ${existing ?? 'no industry'} and ${industry ?? 'no industry'}`,
      );
    }
    table.set(key, industry);
  };
  const entries = Object.entries(WORDS) as [AceIndustry, string[]][];
  for (const [industry, words] of entries) {
    for (const phrase of [industry, ...words]) put(phraseKey(phrase), industry, false);
  }
  for (const phrase of NOT_AN_INDUSTRY) put(phraseKey(phrase), null, false);
  for (const [industry, words] of entries) {
    for (const phrase of words)
      for (const plural of plurals(phraseKey(phrase))) put(plural, industry, true);
  }
  for (const phrase of NOT_AN_INDUSTRY)
    for (const plural of plurals(phraseKey(phrase))) put(plural, null, true);
  return table;
}

const TABLE = buildTable();

/**
 * The customer's industry, if the query names one. Several industries: the one introduced
 * as the customer ("… the factory floor for a bank" → Financial Services), or none.
 */
export function findIndustry(
  tokens: readonly Token[],
  usable: (i: number) => boolean,
): AceIndustry | undefined {
  const found = TABLE.matchAll(tokens, usable).filter(
    (match): match is PhraseMatch<AceIndustry> => match.value !== null,
  );
  const only = (matches: PhraseMatch<AceIndustry>[]) => {
    const industries = new Set(matches.map((match) => match.value));
    return industries.size === 1 ? [...industries][0] : undefined;
  };
  const introduced = (match: PhraseMatch<AceIndustry>) =>
    [1, 2].some((back) => match.at >= back && INTRODUCERS.has(tokens[match.at - back].folded));
  return only(found) ?? only(found.filter(introduced));
}
