// Word lists for scripts/03-data/01_generate_demo_samples.ts: data, plus two tiny parsers that
// keep the lists compact.
// Company stems are invented; any resemblance to a real company is accidental.

export type Locale = 'en' | 'pt' | 'es' | 'de' | 'fr' | 'nl' | 'hi' | 'ja' | 'zh';

export interface City {
  name: string;
  state: string | null;
  area: string; // phone area code, '' where the country has none
  postal: string;
  street: string;
}

export interface Country {
  id: number; // ids as in a typical Odoo install (illustrative)
  code: string;
  name: string;
  callingCode: string;
  tld: string;
  language: string;
  locales: Locale[]; // person-name locales, first is the most common
  weight: number;
  legalSuffixes: string[];
  stems: string[];
  cities: City[];
}

const words = (list: string) => list.split(', ');

// One city per line: name | state or region ('' for none) | phone area code | postal code | street.
function cityTable(table: string): City[] {
  return table
    .trim()
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map(([name, state, area, postal, street]) => ({
      name,
      state: state || null,
      area,
      postal,
      street,
    }));
}

export const COUNTRIES: Country[] = [
  {
    id: 31,
    code: 'BR',
    name: 'Brazil',
    callingCode: '55',
    tld: 'com.br',
    language: 'Portuguese',
    locales: ['pt'],
    weight: 3,
    legalSuffixes: ['Ltda', 'S.A.', 'Ltda.'],
    stems: words('Santa Clara, Horizonte, Vale Verde, Aurora, Boa Vista, Atlântico, Ipê'),
    cities: cityTable(`
      São Paulo      | São Paulo         | 11 | 01310-100 | Av. Paulista
      Rio de Janeiro | Rio de Janeiro    | 21 | 20040-002 | Av. Rio Branco
      Porto Alegre   | Rio Grande do Sul | 51 | 90010-150 | Rua dos Andradas
    `),
  },
  {
    id: 233,
    code: 'US',
    name: 'United States',
    callingCode: '1',
    tld: 'com',
    language: 'English',
    locales: ['en'],
    weight: 3,
    legalSuffixes: ['Inc.', 'Corp.', 'LLC'],
    stems: words('Acme, Summit, Redwood, Liberty, Cascade, Pioneer, Bluewater, Granite'),
    cities: cityTable(`
      San Francisco | California    | 415 | 94105 | Market St
      Chicago       | Illinois      | 312 | 60606 | W Wacker Dr
      Austin        | Texas         | 512 | 78701 | Congress Ave
      Boston        | Massachusetts | 617 | 02110 | State St
    `),
  },
  {
    id: 57,
    code: 'DE',
    name: 'Germany',
    callingCode: '49',
    tld: 'de',
    language: 'German',
    locales: ['de'],
    weight: 2,
    legalSuffixes: ['GmbH', 'AG', 'GmbH & Co. KG'],
    stems: words('Rheinland, Nordstern, Alpenblick, Hanse, Isartal, Weserland'),
    cities: cityTable(`
      München           | Bayern  | 89 | 80331 | Leopoldstraße
      Hamburg           | Hamburg | 40 | 20095 | Mönckebergstraße
      Frankfurt am Main | Hessen  | 69 | 60311 | Mainzer Landstraße
    `),
  },
  {
    id: 75,
    code: 'FR',
    name: 'France',
    callingCode: '33',
    tld: 'fr',
    language: 'French',
    locales: ['fr'],
    weight: 1,
    legalSuffixes: ['SAS', 'SA'],
    stems: words('Lumière, Atlantique, Bellevue, Mistral, Val de Seine, Provence'),
    cities: cityTable(`
      Paris  | Île-de-France        | 1 | 75008 | Rue de Rivoli
      Lyon   | Auvergne-Rhône-Alpes | 4 | 69002 | Rue de la République
      Nantes | Pays de la Loire     | 2 | 44000 | Quai de la Fosse
    `),
  },
  {
    id: 231,
    code: 'GB',
    name: 'United Kingdom',
    callingCode: '44',
    tld: 'co.uk',
    language: 'English',
    locales: ['en'],
    weight: 2,
    legalSuffixes: ['Ltd', 'plc', 'Limited'],
    stems: words('Thames, Albion, Pennine, Highgate, Kingsbridge, Severn'),
    cities: cityTable(`
      London     | England  | 20  | EC2A 4NE | Old Street
      Manchester | England  | 161 | M1 4BT   | Portland Street
      Edinburgh  | Scotland | 131 | EH2 2BY  | George Street
    `),
  },
  {
    id: 104,
    code: 'IN',
    name: 'India',
    callingCode: '91',
    tld: 'co.in',
    language: 'English',
    locales: ['hi'],
    weight: 2,
    legalSuffixes: ['Pvt Ltd', 'Ltd', 'Private Limited'],
    stems: words('Sahyadri, Ganga, Indus, Lotus, Deccan, Kaveri'),
    cities: cityTable(`
      Bengaluru | Karnataka   | 80 | 560001 | MG Road
      Mumbai    | Maharashtra | 22 | 400021 | Nariman Point
      Pune      | Maharashtra | 20 | 411001 | FC Road
    `),
  },
  {
    id: 113,
    code: 'JP',
    name: 'Japan',
    callingCode: '81',
    tld: 'co.jp',
    language: 'Japanese',
    locales: ['ja'],
    weight: 1,
    legalSuffixes: ['Co., Ltd.', 'K.K.'],
    stems: words('Midori, Kawakami, Hoshino, Tsubaki, Aozora Sangyo, Minato'),
    cities: cityTable(`
      Tokyo | Tokyo | 3 | 100-0005 | Marunouchi
      Osaka | Osaka | 6 | 530-0001 | Umeda
    `),
  },
  {
    id: 156,
    code: 'MX',
    name: 'Mexico',
    callingCode: '52',
    tld: 'com.mx',
    language: 'Spanish',
    locales: ['es'],
    weight: 2,
    legalSuffixes: ['S.A. de C.V.'],
    stems: words('Sierra Madre, Del Valle, Pacífico, Cielo Azul, Altamira, Nopal'),
    cities: cityTable(`
      Ciudad de México | Ciudad de México | 55 | 06600 | Paseo de la Reforma
      Monterrey        | Nuevo León       | 81 | 64000 | Av. Constitución
      Guadalajara      | Jalisco          | 33 | 44100 | Av. Juárez
    `),
  },
  {
    id: 68,
    code: 'ES',
    name: 'Spain',
    callingCode: '34',
    tld: 'es',
    language: 'Spanish',
    locales: ['es'],
    weight: 1,
    legalSuffixes: ['S.L.', 'S.A.'],
    stems: words('Ibérica, Mediterráneo, Alhambra, Cantábrico, Levante, Duero'),
    cities: cityTable(`
      Madrid    | Comunidad de Madrid  | 91 | 28013 | Gran Vía
      Barcelona | Cataluña             | 93 | 08007 | Passeig de Gràcia
      Valencia  | Comunitat Valenciana | 96 | 46002 | Calle Colón
    `),
  },
  {
    id: 13,
    code: 'AU',
    name: 'Australia',
    callingCode: '61',
    tld: 'com.au',
    language: 'English',
    locales: ['en'],
    weight: 1,
    legalSuffixes: ['Pty Ltd'],
    stems: words('Southern Cross, Coral Coast, Eucalypt, Blue Gum, Harbourside'),
    cities: cityTable(`
      Sydney    | New South Wales | 2 | 2000 | George Street
      Melbourne | Victoria        | 3 | 3000 | Collins Street
      Brisbane  | Queensland      | 7 | 4000 | Queen Street
    `),
  },
  {
    id: 38,
    code: 'CA',
    name: 'Canada',
    callingCode: '1',
    tld: 'ca',
    language: 'English',
    locales: ['en', 'fr'],
    weight: 1,
    legalSuffixes: ['Inc.', 'Ltd.'],
    stems: words('Maple Ridge, Northern Lights, Great Lakes, Boreal, Laurentian'),
    cities: cityTable(`
      Toronto   | Ontario          | 416 | M5V 2T6 | King St W
      Vancouver | British Columbia | 604 | V6C 1T2 | Burrard St
      Montréal  | Québec           | 514 | H3B 4W8 | Rue Sainte-Catherine
    `),
  },
  {
    id: 165,
    code: 'NL',
    name: 'Netherlands',
    callingCode: '31',
    tld: 'nl',
    language: 'Dutch',
    locales: ['nl'],
    weight: 1,
    legalSuffixes: ['B.V.', 'N.V.'],
    stems: words('Oranje, Polderland, Zuiderzee, Tulpenveld, Noordkaap'),
    cities: cityTable(`
      Amsterdam | Noord-Holland | 20 | 1012 AB | Damrak
      Rotterdam | Zuid-Holland  | 10 | 3011 AD | Coolsingel
      Eindhoven | Noord-Brabant | 40 | 5611 AZ | Stationsplein
    `),
  },
  {
    id: 197,
    code: 'SG',
    name: 'Singapore',
    callingCode: '65',
    tld: 'com.sg',
    language: 'English',
    locales: ['zh', 'en'],
    weight: 1,
    legalSuffixes: ['Pte. Ltd.'],
    stems: words('Merlion, Straits, Orchid, Lion City, Marina'),
    cities: cityTable(`
      Singapore |  |  | 018989 | Marina Boulevard
      Singapore |  |  | 068809 | Robinson Road
    `),
  },
  {
    id: 247,
    code: 'ZA',
    name: 'South Africa',
    callingCode: '27',
    tld: 'co.za',
    language: 'English',
    locales: ['en'],
    weight: 1,
    legalSuffixes: ['(Pty) Ltd', 'Ltd'],
    stems: words('Table Bay, Protea, Highveld, Karoo, Drakensberg'),
    cities: cityTable(`
      Johannesburg | Gauteng       | 11 | 2196 | Rivonia Road
      Cape Town    | Western Cape  | 21 | 8001 | Long Street
      Durban       | KwaZulu-Natal | 31 | 4001 | Anton Lembede Street
    `),
  },
  {
    id: 46,
    code: 'CL',
    name: 'Chile',
    callingCode: '56',
    tld: 'cl',
    language: 'Spanish',
    locales: ['es'],
    weight: 1,
    legalSuffixes: ['SpA', 'S.A.'],
    stems: words('Andes, Patagonia, Atacama, Araucaria, Pacífico Sur'),
    cities: cityTable(`
      Santiago   | Región Metropolitana | 2  | 7550000 | Av. Apoquindo
      Valparaíso | Valparaíso           | 32 | 2340000 | Av. Brasil
    `),
  },
];

// How the ACE side re-types a legal suffix ('' = left out).
export const LEGAL_SUFFIX_VARIANTS: Record<string, string[]> = {
  Ltda: ['LTDA', 'Ltda.', ''],
  'Ltda.': ['Ltda', ''],
  'S.A.': ['SA', ''],
  'Inc.': ['Inc', 'Incorporated', ''],
  'Corp.': ['Corporation', 'Corp', ''],
  LLC: ['L.L.C.', ''],
  GmbH: ['GMBH', ''],
  AG: [''],
  'GmbH & Co. KG': ['GmbH', ''],
  SAS: ['S.A.S.', ''],
  SA: ['S.A.', ''],
  Ltd: ['Limited', 'Ltd.', ''],
  plc: ['PLC', ''],
  Limited: ['Ltd', ''],
  'Pvt Ltd': ['Private Limited', 'Pvt. Ltd.', ''],
  'Private Limited': ['Pvt Ltd', ''],
  'Co., Ltd.': ['Co Ltd', ''],
  'K.K.': ['KK', ''],
  'S.A. de C.V.': ['SA de CV', ''],
  'S.L.': ['SL', ''],
  'Pty Ltd': ['Pty. Ltd.', ''],
  'Ltd.': ['Limited', ''],
  'B.V.': ['BV', ''],
  'N.V.': ['NV', ''],
  'Pte. Ltd.': ['Pte Ltd', ''],
  '(Pty) Ltd': ['Pty Ltd', ''],
  SpA: ['S.p.A.', ''],
};

export const FIRST_NAMES: Record<Locale, string[]> = {
  en: words(
    'James, Emily, Michael, Sarah, David, Laura, Daniel, Olivia, Robert, Hannah, Thomas, Grace',
  ),
  pt: words('João, Ana, Pedro, Mariana, Lucas, Fernanda, Rafael, Juliana, Carlos, Beatriz'),
  es: words('Alejandro, María, Javier, Lucía, Diego, Carmen, Pablo, Sofía, Andrés, Valentina'),
  de: words('Lukas, Anna, Jonas, Lena, Felix, Julia, Maximilian, Sophie, Tobias, Katharina'),
  fr: words('Louis, Camille, Hugo, Chloé, Antoine, Manon, Julien, Léa, Nicolas, Claire'),
  nl: words('Daan, Sanne, Bram, Lotte, Sem, Fleur, Thijs, Eva, Ruben, Anouk'),
  hi: words('Arjun, Priya, Rahul, Ananya, Vikram, Sneha, Rohan, Kavya, Aditya, Neha'),
  ja: words('Haruto, Yui, Sota, Aoi, Ren, Hina, Takumi, Sakura, Kenji, Yuki'),
  zh: words('Wei, Mei Ling, Jun Jie, Hui Min, Kai Xiang, Xin Yi'),
};

export const LAST_NAMES: Record<Locale, string[]> = {
  en: words(
    'Smith, Johnson, Carter, Walker, Bennett, Hughes, Morgan, Foster, Reed, Collins, Parker',
  ),
  pt: words('Silva, Souza, Oliveira, Pereira, Costa, Almeida, Ribeiro, Carvalho, Gomes, Martins'),
  es: words('García, Martínez, López, Hernández, González, Rodríguez, Sánchez, Ramírez, Torres'),
  de: words('Müller, Schmidt, Schneider, Fischer, Weber, Wagner, Becker, Hoffmann, Schulz'),
  fr: words('Martin, Bernard, Dubois, Moreau, Laurent, Lefèvre, Garnier, Rousseau, Girard'),
  nl: words('de Jong, Jansen, de Vries, van Dijk, Bakker, Visser, Smit, Meijer, Mulder'),
  hi: words('Sharma, Patel, Iyer, Reddy, Nair, Gupta, Menon, Rao, Kulkarni, Desai'),
  ja: words('Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kato'),
  zh: words('Tan, Lim, Lee, Ng, Ong, Wong, Goh, Chua'),
};

export const CONTACT_TITLES = [
  'CIO',
  'CTO',
  'Head of IT',
  'IT Director',
  'Head of Data',
  'VP Engineering',
  'Infrastructure Manager',
  'CFO',
];

export interface Industry {
  ace: string; // ACE Customer.Account.Industry enum value
  weight: number;
  legalSuffix: boolean; // public bodies and universities carry none
  topics: string[];
  // '{s}' = stem, '{city}' = city; keyed by locale, 'en' is the fallback
  patterns: Partial<Record<Locale, string[]>> & { en: string[] };
}

export const INDUSTRIES: Industry[] = [
  {
    ace: 'Healthcare',
    weight: 3,
    legalSuffix: true,
    topics: ['ehr', 'ehr', 'dwh', 'contact', 'dr', 'genai', 'datalake', 'security'],
    patterns: {
      en: ['{s} Health', '{s} Medical Center', '{s} Hospital Group'],
      pt: ['Hospital {s}', 'Rede {s} Saúde', 'Clínica {s}'],
      es: ['Hospital {s}', 'Clínica {s}', 'Red de Salud {s}'],
      de: ['Klinikum {s}', '{s} Kliniken'],
      fr: ['Clinique {s}', 'Groupe Hospitalier {s}'],
      nl: ['{s} Ziekenhuis'],
    },
  },
  {
    ace: 'Financial Services',
    weight: 3,
    legalSuffix: true,
    topics: ['mainframe', 'dwh', 'genai', 'contact', 'security', 'dr', 'dbmig'],
    patterns: {
      en: ['{s} Bank', '{s} Financial', '{s} Insurance', '{s} Capital'],
      pt: ['Banco {s}', '{s} Seguros', '{s} Financeira'],
      es: ['Banco {s}', '{s} Seguros', 'Financiera {s}'],
      de: ['{s} Bank', '{s} Versicherung'],
      fr: ['Banque {s}', '{s} Assurances'],
      nl: ['{s} Bank', '{s} Verzekeringen'],
    },
  },
  {
    ace: 'Retail',
    weight: 3,
    legalSuffix: true,
    topics: ['mlforecast', 'mlforecast', 'dwh', 'genai', 'datalake', 'containers', 'sap'],
    patterns: {
      en: ['{s} Retail', '{s} Stores', '{s} Market'],
      pt: ['Lojas {s}', 'Supermercados {s}'],
      es: ['Almacenes {s}', 'Supermercados {s}', 'Tiendas {s}'],
      de: ['{s} Handel', '{s} Markt'],
      fr: ['Magasins {s}', '{s} Distribution'],
      nl: ['{s} Winkels'],
    },
  },
  {
    ace: 'Manufacturing',
    weight: 3,
    legalSuffix: true,
    topics: ['iot', 'iot', 'sap', 'vmware', 'dwh', 'mlforecast', 'dr'],
    patterns: {
      en: ['{s} Manufacturing', '{s} Industries', '{s} Components'],
      pt: ['Indústrias {s}', 'Metalúrgica {s}'],
      es: ['Industrias {s}', 'Manufacturas {s}'],
      de: ['{s} Maschinenbau', '{s} Werke'],
      fr: ['{s} Industrie', 'Ateliers {s}'],
      ja: ['{s} Seisakusho', '{s} Industries'],
      nl: ['{s} Techniek'],
    },
  },
  {
    ace: 'Telecommunications',
    weight: 1,
    legalSuffix: true,
    topics: ['contact', 'datalake', 'containers', 'dwh', 'genai'],
    patterns: {
      en: ['{s} Telecom', '{s} Networks'],
      es: ['{s} Telecomunicaciones'],
      de: ['{s} Telekom'],
      fr: ['{s} Télécom'],
    },
  },
  {
    ace: 'Transportation and Logistics',
    weight: 2,
    legalSuffix: true,
    topics: ['iot', 'mlforecast', 'sap', 'containers', 'dwh'],
    patterns: {
      en: ['{s} Logistics', '{s} Freight', '{s} Transport'],
      pt: ['Transportadora {s}', '{s} Logística'],
      es: ['Transportes {s}', '{s} Logística'],
      de: ['{s} Logistik', '{s} Spedition'],
      fr: ['Transports {s}', '{s} Logistique'],
      nl: ['{s} Logistiek', '{s} Transport'],
    },
  },
  {
    ace: 'Government',
    weight: 1,
    legalSuffix: false,
    topics: ['dr', 'security', 'vmware', 'dwh', 'contact', 'vdi'],
    patterns: {
      en: ['{s} Regional Council', '{s} Public Transport Authority', '{s} Water Authority'],
      pt: ['Prefeitura de {city}', 'Secretaria de Saúde de {city}'],
      es: ['Municipalidad de {city}', 'Gobierno Regional {s}'],
      de: ['Landesamt {s}', 'Stadtverwaltung {city}'],
      fr: ['Ville de {city}', 'Région {s}'],
    },
  },
  {
    ace: 'Education',
    weight: 1,
    legalSuffix: false,
    topics: ['vdi', 'datalake', 'genai', 'vmware'],
    patterns: {
      en: ['{s} University', '{s} College'],
      pt: ['Universidade {s}', 'Faculdade {s}'],
      es: ['Universidad {s}', 'Instituto {s}'],
      de: ['Hochschule {s}'],
      fr: ['Université {s}', 'École {s}'],
      nl: ['Hogeschool {s}'],
    },
  },
  {
    ace: 'Energy - Power and Utilities',
    weight: 1,
    legalSuffix: true,
    topics: ['iot', 'datalake', 'sap', 'dr'],
    patterns: {
      en: ['{s} Energy', '{s} Power', '{s} Utilities'],
      pt: ['{s} Energia'],
      es: ['{s} Energía', 'Eléctrica {s}'],
      de: ['{s} Energie'],
      fr: ['{s} Énergie'],
      ja: ['{s} Electric Power'],
    },
  },
  {
    ace: 'Software and Internet',
    weight: 2,
    legalSuffix: true,
    topics: ['containers', 'dbmig', 'genai', 'security'],
    patterns: {
      en: ['{s} Software', '{s} Labs', '{s} Digital'],
      pt: ['{s} Tecnologia', '{s} Sistemas'],
      es: ['{s} Tecnología', '{s} Sistemas'],
      fr: ['{s} Numérique', '{s} Logiciels'],
      ja: ['{s} Systems'],
    },
  },
  {
    ace: 'Life Sciences',
    weight: 1,
    legalSuffix: true,
    topics: ['datalake', 'mlforecast', 'dwh', 'security'],
    patterns: {
      en: ['{s} Biosciences', '{s} Pharma', '{s} Therapeutics'],
      pt: ['Laboratório {s}', '{s} Farmacêutica'],
      es: ['Laboratorios {s}'],
      fr: ['Laboratoires {s}'],
      ja: ['{s} Pharmaceutical'],
    },
  },
  {
    ace: 'Hospitality',
    weight: 1,
    legalSuffix: true,
    topics: ['contact', 'genai', 'dwh'],
    patterns: {
      en: ['{s} Hotels', '{s} Resorts'],
      pt: ['Hotéis {s}'],
      es: ['Hoteles {s}'],
      fr: ['Hôtels {s}'],
    },
  },
  {
    ace: 'Wholesale and Distribution',
    weight: 1,
    legalSuffix: true,
    topics: ['sap', 'mlforecast', 'dwh', 'dbmig'],
    patterns: {
      en: ['{s} Distribution', '{s} Wholesale', '{s} Supply'],
      pt: ['Distribuidora {s}', 'Atacado {s}'],
      es: ['Distribuidora {s}'],
      de: ['{s} Großhandel'],
      nl: ['{s} Groothandel'],
    },
  },
  {
    ace: 'Consumer Goods',
    weight: 1,
    legalSuffix: true,
    topics: ['sap', 'mlforecast', 'dwh'],
    patterns: {
      en: ['{s} Foods', '{s} Brands', '{s} Beverages'],
      pt: ['Alimentos {s}', 'Bebidas {s}'],
      es: ['Alimentos {s}', 'Bebidas {s}'],
      fr: ['{s} Alimentaire'],
    },
  },
  {
    ace: 'Professional Services',
    weight: 1,
    legalSuffix: true,
    topics: ['vdi', 'vmware', 'security', 'dbmig'],
    patterns: { en: ['{s} Consulting', '{s} & Partners', '{s} Advisory'] },
  },
];

export interface Topic {
  key: string;
  useCase: string; // ACE Project.CustomerUseCase (values from Opportunity_-_StandardValues.csv)
  revenue: [number, number]; // total deal value in USD
  vars: Record<string, string[]>;
  odooTitles: string[];
  aceTitles: string[];
  // '{company}' and the topic vars are filled in; sentence 0 names the customer.
  problems: string[];
}

export const TOPICS: Topic[] = [
  {
    key: 'dwh',
    useCase: 'Big Data: Data Warehouse / Data Integration / ETL / Data Lake / BI',
    revenue: [80_000, 600_000],
    vars: {
      legacy: ['Teradata', 'Oracle Exadata', 'IBM Netezza', 'SQL Server'],
      target: ['Amazon Redshift', 'Snowflake on AWS'],
      hours: ['6', '8', '10', '12'],
    },
    odooTitles: [
      'Data Warehouse Migration to {target}',
      '{legacy} to {target} migration',
      'DWH modernisation on {target}',
      'Data warehouse migration – {legacy} exit',
    ],
    aceTitles: [
      'Migrate {legacy} data warehouse to AWS',
      'Data warehouse migration from {legacy} to {target}',
      'Enterprise DWH move to {target}',
      'Cloud data warehouse modernization ({target})',
    ],
    problems: [
      '{company} runs its reporting on an on-premises {legacy} data warehouse whose support contract ends next year.',
      'Nightly ETL loads take over {hours} hours, so finance and sales dashboards are a day late.',
      'Storage is almost full and each hardware expansion costs more than a year of cloud capacity.',
      'The business wants to move the data warehouse to {target} and give analysts self-service BI.',
      'Several departments keep their own copies of the data, and the numbers in board reports do not agree.',
    ],
  },
  {
    key: 'sap',
    useCase: 'Business Applications & SAP Production',
    revenue: [150_000, 1_200_000],
    vars: {
      version: ['SAP ECC 6.0', 'SAP S/4HANA', 'SAP BW'],
      db: ['Oracle', 'IBM Db2', 'SAP HANA'],
      dc: ['a colocation data centre', 'an ageing on-premises data centre'],
    },
    odooTitles: [
      'SAP on AWS migration',
      '{version} migration to AWS',
      'SAP landing zone and rehost',
      'SAP infrastructure move to AWS',
    ],
    aceTitles: [
      'Rehost {version} on Amazon EC2',
      'Move SAP workloads to AWS',
      'SAP migration and HANA sizing on AWS',
      '{version} lift-and-shift to AWS',
    ],
    problems: [
      '{company} runs {version} on {db} in {dc} whose lease expires in 18 months.',
      'Month-end close is slow and the hardware cannot be scaled for peak season.',
      'The team wants to move SAP to AWS before starting the S/4HANA conversion.',
      'Backups of the SAP landscape take a full weekend and have never been restored in a test.',
      'Basis staff are stretched and want a managed service for the infrastructure layer.',
    ],
  },
  {
    key: 'contact',
    useCase: 'Business Applications & Contact Center',
    revenue: [50_000, 400_000],
    vars: {
      legacy: ['Avaya', 'Cisco UCCX', 'Genesys on-premises', 'a home-grown IVR'],
      agents: ['80', '150', '300', '600'],
    },
    odooTitles: [
      'Contact center modernisation with Amazon Connect',
      'Amazon Connect rollout',
      'Cloud contact centre – {agents} agents',
      'Replace {legacy} with Amazon Connect',
    ],
    aceTitles: [
      'Migrate {legacy} contact center to Amazon Connect',
      'Amazon Connect for {agents}-seat customer service',
      'Contact center transformation on AWS',
      'Omnichannel contact center with Amazon Connect',
    ],
    problems: [
      '{company} handles customer calls with {legacy}, which is out of support and cannot add chat or WhatsApp.',
      'About {agents} agents work from home and call quality drops over the VPN.',
      'Average wait time has passed eight minutes and customer satisfaction is falling.',
      'Supervisors have no real-time dashboards and call recordings are not searchable.',
      'The goal is to move to Amazon Connect with Contact Lens analytics and pay per minute.',
    ],
  },
  {
    key: 'ehr',
    useCase: 'Healthcare and Life Sciences',
    revenue: [120_000, 700_000],
    vars: {
      ehr: ['MV Soul', 'Tasy', 'Epic', 'Cerner', 'OpenEMR', 'InterSystems TrakCare'],
      beds: ['180', '250', '400', '650'],
    },
    odooTitles: [
      'EHR hosting on AWS',
      '{ehr} EHR migration to AWS',
      'Hospital EHR cloud hosting',
      'Clinical systems hosting – {ehr}',
    ],
    aceTitles: [
      'Host {ehr} electronic health record on AWS',
      'EHR platform migration for {beds}-bed hospital',
      'Move hospital EHR to AWS',
      'Electronic health records hosting on AWS',
    ],
    problems: [
      '{company} runs the {ehr} EHR for its {beds}-bed hospital on servers in a basement data room.',
      'Two unplanned outages last year stopped admissions and forced staff back to paper charts.',
      'The hospital must meet health-data privacy rules and needs encrypted backups kept off site.',
      'Imaging (PACS) storage grows about 30% a year and the SAN is full.',
      'The IT team of five cannot keep up with patching and wants a managed, highly available setup.',
    ],
  },
  {
    key: 'mlforecast',
    useCase: 'AI Machine Learning and Analytics',
    revenue: [40_000, 250_000],
    vars: { stores: ['45', '120', '300', '800'], skus: ['8,000', '25,000', '60,000'] },
    odooTitles: [
      'ML demand forecasting',
      'Demand forecasting with Amazon SageMaker',
      'AI demand planning pilot',
      'Store-level demand forecasting',
    ],
    aceTitles: [
      'Machine learning demand forecast for {stores} sites',
      'SageMaker-based demand planning',
      'Predictive replenishment using ML on AWS',
      'Demand forecasting PoC on Amazon SageMaker',
    ],
    problems: [
      '{company} plans replenishment for {stores} sites and {skus} SKUs in spreadsheets.',
      'Stock-outs on promoted items and overstock of seasonal goods cost several points of margin.',
      'The planning team wants weekly site-level forecasts that use promotions, weather and holidays.',
      'Sales history sits in the ERP and the point-of-sale system and has never been joined.',
      'A proof of concept on one region should show a measurable drop in forecast error.',
    ],
  },
  {
    key: 'mainframe',
    useCase: 'Business Applications: Mainframe Modernization',
    revenue: [400_000, 2_500_000],
    vars: {
      mf: ['IBM z/OS', 'IBM z15', 'Unisys ClearPath'],
      loc: ['2 million', '4 million', '7 million'],
      lang: ['COBOL', 'COBOL and PL/I'],
    },
    odooTitles: [
      'Mainframe modernisation',
      'Core system mainframe migration',
      '{lang} refactoring to Java on AWS',
      'Mainframe exit programme',
    ],
    aceTitles: [
      'Modernize {mf} mainframe workloads on AWS',
      'Mainframe to AWS refactor ({lang})',
      'Core platform mainframe migration to AWS',
      'Mainframe modernization with AWS Mainframe Modernization service',
    ],
    problems: [
      '{company} runs its core systems on an {mf} mainframe with about {loc} lines of {lang}.',
      'MIPS costs rise every year and the licence renewal is due within 24 months.',
      'Most developers who know the code will retire within five years.',
      'New digital products wait months for changes in the batch core.',
      'The target is to refactor the batch and online workloads to Java on AWS in phases.',
    ],
  },
  {
    key: 'dr',
    useCase: 'Storage & Backup',
    revenue: [30_000, 250_000],
    vars: { rto: ['4 hours', '2 hours', '30 minutes'], servers: ['60', '120', '250', '400'] },
    odooTitles: [
      'Disaster recovery on AWS',
      'DR site replacement',
      'Backup and disaster recovery – AWS Elastic Disaster Recovery',
      'Business continuity / DR to AWS',
    ],
    aceTitles: [
      'Cloud disaster recovery for {servers} servers',
      'AWS Elastic Disaster Recovery implementation',
      'Replace secondary data center with AWS DR',
      'DR modernization on AWS',
    ],
    problems: [
      '{company} has no tested disaster recovery site for its {servers} production servers.',
      'The auditor asked for a recovery time under {rto} and the current tape backups cannot meet it.',
      'The secondary data centre contract ends this year and renewing it would double the cost.',
      'A ransomware incident at a peer company pushed the board to fund a real DR plan.',
      'They want continuous replication to AWS and quarterly failover tests.',
    ],
  },
  {
    key: 'datalake',
    useCase: 'Big Data: Data Warehouse / Data Integration / ETL / Data Lake / BI',
    revenue: [60_000, 450_000],
    vars: { sources: ['40', '70', '120'], volume: ['80 TB', '200 TB', '1 PB'] },
    odooTitles: [
      'Data lake on Amazon S3',
      'Enterprise data lake',
      'Analytics data lake and governance',
      'Lakehouse platform on AWS',
    ],
    aceTitles: [
      'Build governed data lake on S3 and Lake Formation',
      'Data lake foundation ({volume})',
      'Centralized analytics data platform on AWS',
      'Data lake and self-service analytics',
    ],
    problems: [
      '{company} has data spread over {sources} systems and no single place to analyse it.',
      'Data scientists spend most of their time finding and cleaning data instead of modelling.',
      'About {volume} of logs and history sit on file servers and nobody can query them.',
      'They need a governed data lake with a catalogue and column-level access control.',
      'Regulators ask for data lineage that the current scripts cannot provide.',
    ],
  },
  {
    key: 'genai',
    useCase: 'AI Machine Learning and Analytics',
    revenue: [30_000, 220_000],
    vars: { tickets: ['15,000', '40,000', '120,000'] },
    odooTitles: [
      'GenAI chatbot for customer support',
      'Generative AI support assistant',
      'Amazon Bedrock customer service bot',
      'AI assistant for the help desk',
    ],
    aceTitles: [
      'Generative AI customer support chatbot on Amazon Bedrock',
      'GenAI virtual agent for support tickets',
      'Bedrock-based knowledge assistant for support',
      'Customer service automation with generative AI',
    ],
    problems: [
      '{company} receives about {tickets} support tickets a month and most are repeated questions.',
      'Answers are spread over manuals, PDFs and an old wiki, so new agents take weeks to ramp up.',
      'They want a chatbot in {language} that answers from their own documents and hands off to a human.',
      'Legal requires that customer data stays in-region and is not used to train public models.',
      'The target is to resolve 30% of contacts without an agent within six months.',
    ],
  },
  {
    key: 'vmware',
    useCase: 'VMWare',
    revenue: [100_000, 900_000],
    vars: { vms: ['150', '400', '900', '1,500'], hosts: ['12', '30', '64'] },
    odooTitles: [
      'VMware migration to AWS',
      'VMware exit – migrate to Amazon EC2',
      'Data centre exit / VMware to AWS',
      'Virtual machine migration to AWS',
    ],
    aceTitles: [
      'Migrate {vms} VMware VMs to Amazon EC2',
      'VMware estate migration to AWS',
      'Data center evacuation - VMware workloads',
      'Large-scale VM migration using AWS Application Migration Service',
    ],
    problems: [
      '{company} runs about {vms} virtual machines on {hosts} VMware hosts.',
      'The new VMware licensing model triples the renewal quote.',
      'The hardware is five years old and the data-centre contract ends in 12 months.',
      'They want to rehost most machines with AWS Application Migration Service and optimise later.',
      'A few legacy Windows Server 2012 machines need to be upgraded during the move.',
    ],
  },
  {
    key: 'iot',
    useCase: 'IOT',
    revenue: [60_000, 500_000],
    vars: { machines: ['200', '800', '2,500'], plants: ['2', '4', '9'] },
    odooTitles: [
      'IoT telemetry platform',
      'Machine telemetry with AWS IoT',
      'Predictive maintenance – IoT data',
      'Connected operations pilot',
    ],
    aceTitles: [
      'Industrial IoT telemetry for {plants} sites',
      'AWS IoT SiteWise predictive maintenance',
      'Connected equipment monitoring on AWS',
      'Operational data platform with AWS IoT',
    ],
    problems: [
      '{company} operates {machines} machines and vehicles across {plants} sites with no central view of their status.',
      'Unplanned downtime costs thousands per hour.',
      'Sensor and PLC data is read manually or stays in local historians that are not connected.',
      'They want to stream telemetry to AWS and predict failures before they happen.',
      'Equipment efficiency is reported weekly by hand and nobody trusts the number.',
    ],
  },
  {
    key: 'dbmig',
    useCase: 'Migration / Database Migration',
    revenue: [50_000, 400_000],
    vars: {
      db: ['Oracle', 'SQL Server', 'IBM Db2'],
      count: ['12', '30', '75'],
      target: ['Amazon Aurora PostgreSQL', 'Amazon RDS for PostgreSQL', 'Amazon Aurora MySQL'],
    },
    odooTitles: [
      'Database migration to Aurora',
      '{db} to {target} migration',
      'Database licence reduction – move to AWS',
      '{db} exit programme',
    ],
    aceTitles: [
      'Migrate {count} {db} databases to {target}',
      'Heterogeneous database migration to AWS',
      'Database modernization with AWS DMS',
      '{db} license optimization via migration to {target}',
    ],
    problems: [
      '{company} runs {count} {db} databases on premises and a licence audit found a large shortfall.',
      'Licence and support costs take most of the infrastructure budget.',
      'The applications use many stored procedures that need to be converted.',
      'They want to move to {target} with AWS DMS and the Schema Conversion Tool.',
      'Read replicas and automated backups would replace scripts that one DBA maintains.',
    ],
  },
  {
    key: 'containers',
    useCase: 'Containers & Serverless',
    revenue: [60_000, 350_000],
    vars: {
      services: ['15', '40', '120'],
      releases: ['once a month', 'once a quarter', 'twice a year'],
    },
    odooTitles: [
      'Application modernisation on Amazon EKS',
      'Containers platform (EKS)',
      'Microservices replatforming',
      'Kubernetes platform on AWS',
    ],
    aceTitles: [
      'Containerize {services} services on Amazon EKS',
      'App modernization to containers and serverless',
      'Managed Kubernetes platform on AWS',
      'Replatform monolith to microservices on EKS',
    ],
    problems: [
      '{company} ships its customer-facing platform {releases} because deployments are manual.',
      'A Java monolith of about {services} modules has to scale for peak traffic and currently falls over.',
      'Teams want CI/CD pipelines and containers so each service can be released on its own.',
      'Self-managed Kubernetes clusters on VMs take too much operations time.',
      'They need autoscaling and lower cost for traffic that is quiet at night.',
    ],
  },
  {
    key: 'vdi',
    useCase: 'Edge Computing / End User Computing',
    revenue: [40_000, 300_000],
    vars: { users: ['300', '800', '2,000'] },
    odooTitles: [
      'Virtual desktops with Amazon WorkSpaces',
      'VDI replacement',
      'End-user computing on AWS',
      'Secure remote desktops',
    ],
    aceTitles: [
      'Amazon WorkSpaces rollout for {users} users',
      'Citrix replacement with Amazon WorkSpaces',
      'Cloud VDI for remote staff',
      'Virtual desktop infrastructure on AWS',
    ],
    problems: [
      '{company} has {users} staff working remotely on laptops that store sensitive data locally.',
      'The on-premises Citrix farm is end-of-life and slow for users in other regions.',
      'Onboarding a contractor takes two weeks because a laptop must be shipped and imaged.',
      'They want secure virtual desktops billed per user per month.',
    ],
  },
  {
    key: 'security',
    useCase: 'Security & Compliance',
    revenue: [25_000, 150_000],
    vars: { accounts: ['8', '25', '60'], framework: ['ISO 27001', 'SOC 2', 'PCI DSS'] },
    odooTitles: [
      'AWS landing zone and security baseline',
      'Security and compliance assessment',
      'Multi-account governance (Control Tower)',
      'Cloud security posture programme',
    ],
    aceTitles: [
      'Landing zone with AWS Control Tower',
      'Security baseline for {framework} on AWS',
      'Cloud governance and compliance on AWS',
      'Centralized security monitoring with Security Hub',
    ],
    problems: [
      '{company} has {accounts} AWS accounts created by different teams with no common guardrails.',
      'An internal audit against {framework} found public buckets and unused admin keys.',
      'There is no central logging, so incidents are found weeks later.',
      'They want a landing zone with Control Tower, Security Hub and GuardDuty before moving more workloads.',
    ],
  },
];

// Odoo reference rows: teams and stages as in sales_team/crm_team_*.xml and crm/crm_stage_data.xml.
export const TEAMS = [
  { id: 1, name: 'Sales', active: true, user_id: 2 },
  { id: 2, name: 'Website', active: false, user_id: null },
  { id: 3, name: 'Point of Sale', active: false, user_id: null },
  { id: 4, name: 'Pre-Sales', active: true, user_id: null },
];

export const STAGES = [
  { id: 1, name: 'New', sequence: 1, is_won: false },
  { id: 2, name: 'Qualified', sequence: 2, is_won: false },
  { id: 3, name: 'Proposition', sequence: 3, is_won: false },
  { id: 4, name: 'Won', sequence: 70, is_won: true },
];

// The partner's own salespeople; the first two come from base/res_users_demo.xml.
export const SALESPEOPLE = [
  {
    userId: 2,
    partnerId: 3,
    name: 'Mitchell Admin',
    email: 'admin@yourcompany.example.com',
    phone: '+1 555-555-5555',
    city: 'Scranton',
    teamId: 1,
  },
  {
    userId: 6,
    partnerId: 7,
    name: 'Marc Demo',
    email: 'mark.brown23@example.com',
    phone: '(441)-695-2334',
    city: 'Eugene',
    teamId: 4,
  },
  {
    userId: 7,
    partnerId: 8,
    name: 'Ana Ribeiro',
    email: 'ana.ribeiro@yourcompany.example.com',
    phone: '+1 555-555-0131',
    city: 'San Francisco',
    teamId: 1,
  },
  {
    userId: 8,
    partnerId: 9,
    name: 'Priya Raman',
    email: 'priya.raman@yourcompany.example.com',
    phone: '+1 555-555-0147',
    city: 'San Francisco',
    teamId: 4,
  },
  {
    userId: 9,
    partnerId: 10,
    name: 'Lucas Martin',
    email: 'lucas.martin@yourcompany.example.com',
    phone: '+1 555-555-0162',
    city: 'Austin',
    teamId: 1,
  },
  {
    userId: 10,
    partnerId: 11,
    name: 'Sofía Herrera',
    email: 'sofia.herrera@yourcompany.example.com',
    phone: '+1 555-555-0178',
    city: 'Austin',
    teamId: 1,
  },
];

// ACE enum values (source-schemas.md B.2).
export const PRIMARY_NEEDS = [
  'Co-Sell - Architectural Validation',
  'Co-Sell - Business Presentation',
  'Co-Sell - Competitive Information',
  'Co-Sell - Pricing Assistance',
  'Co-Sell - Technical Consultation',
  'Co-Sell - Total Cost of Ownership Evaluation',
  'Co-Sell - Deal Support',
  'Co-Sell - Support for Public Tender / RFx',
];
export const DELIVERY_MODELS = [
  'SaaS or PaaS',
  'BYOL or AMI',
  'Managed Services',
  'Professional Services',
  'Resell',
  'Other',
];
// Ordered: an opportunity further along has done the earlier activities too.
export const SALES_ACTIVITIES = [
  'Initialized discussions with customer',
  'Customer has shown interest in solution',
  'Conducted POC / Demo',
  'In evaluation / planning stage',
  'Agreed on solution to Business Problem',
  'Completed Action Plan',
  'Finalized Deployment Need',
  'SOW Signed',
];
export const COMPETITORS = [
  'Oracle Cloud',
  'On-Prem',
  'Co-location',
  'Google Cloud Platform',
  'Microsoft Azure',
  'No Competition',
  '*Other',
];
export const CLOSED_LOST_REASONS = [
  'Customer Deficiency',
  'Delay / Cancellation of Project',
  'Lost to Competitor - Google',
  'Lost to Competitor - Microsoft',
  'Lost to Competitor - Other',
  'No Opportunity',
  'On Premises Deployment',
  'Price',
  'Financial/Commercial',
];
export const ACE_STAGES = [
  'Prospect',
  'Qualified',
  'Technical Validation',
  'Business Validation',
  'Committed',
  'Launched',
  'Closed Lost',
];
export const CAMPAIGNS = [
  'APN Immersion Days',
  'Migration Acceleration Program',
  'ISV Workload Migration',
  'Well-Architected',
];
export const CHANNELS = [
  'AWS Marketing Central',
  'Content Syndication',
  'Email',
  'Live Event',
  'Virtual Event',
];
export const MARKETING_USE_CASES = [
  'AI/ML',
  'Analytics',
  'Databases',
  'Compute',
  'Containers',
  'Business Applications',
];
export const NEXT_STEPS = [
  'Schedule architecture review with AWS SA',
  'Send proposal and pricing',
  'Run proof of concept in customer account',
  'Customer to confirm budget',
  'Prepare migration readiness assessment',
  'Book kick-off workshop',
];
export const ADDITIONAL_COMMENTS = [
  'Customer prefers a phased rollout.',
  'Budget approved for this fiscal year.',
  'Customer asked about MAP funding eligibility.',
  'Partner-led delivery; AWS SA review requested.',
];
