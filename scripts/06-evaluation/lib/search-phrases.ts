// The words of eval:search's labelled queries: each ACE use case, industry and stage category
// as an analyst says it, in English and (hand-translated) in Spanish, Portuguese and German.
import { countryName } from '@revops/embedding/text/country-name';

export const LANGUAGES = ['es', 'pt', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
type Translated = Record<'en' | Language, string>;

/** The project in an analyst's words, never the generator's titles: two per ACE use case. */
const LOOSE_DESCRIPTIONS: Record<string, [Translated, Translated]> = {
  'Big Data: Data Warehouse / Data Integration / ETL / Data Lake / BI': [
    {
      en: 'moving their reporting and analytics data to the cloud',
      es: 'llevar sus datos de informes y analítica a la nube',
      pt: 'levar os dados de relatórios e análises para a nuvem',
      de: 'ihre Reporting- und Analysedaten in die Cloud verlagern',
    },
    {
      en: 'one place for all company data and the dashboards built on it',
      es: 'un único lugar para todos los datos de la empresa y los cuadros de mando sobre ellos',
      pt: 'um só lugar para todos os dados da empresa e os painéis construídos sobre eles',
      de: 'ein zentraler Ort für alle Unternehmensdaten und die Dashboards darauf',
    },
  ],
  'Business Applications & SAP Production': [
    {
      en: 'running their ERP system on cloud servers',
      es: 'ejecutar su sistema ERP en servidores en la nube',
      pt: 'rodar o sistema ERP em servidores na nuvem',
      de: 'ihr ERP-System auf Cloud-Servern betreiben',
    },
    {
      en: 'getting the SAP landscape out of their own data centre',
      es: 'sacar su entorno SAP de su propio centro de datos',
      pt: 'tirar o ambiente SAP do próprio data center',
      de: 'die SAP-Landschaft aus dem eigenen Rechenzentrum holen',
    },
  ],
  'Business Applications & Contact Center': [
    {
      en: 'a cloud call centre for the customer service agents',
      es: 'un centro de llamadas en la nube para los agentes de atención al cliente',
      pt: 'uma central de atendimento na nuvem para os agentes de suporte',
      de: 'ein Callcenter in der Cloud für die Kundenservice-Mitarbeiter',
    },
    {
      en: 'phone support with chat and voice bots',
      es: 'soporte telefónico con chat y bots de voz',
      pt: 'suporte por telefone com chat e robôs de voz',
      de: 'Telefonsupport mit Chat- und Sprachbots',
    },
  ],
  'Healthcare and Life Sciences': [
    {
      en: 'a patient records platform for their clinics',
      es: 'una plataforma de historias clínicas para sus clínicas',
      pt: 'uma plataforma de prontuários de pacientes para suas clínicas',
      de: 'eine Plattform für Patientenakten für ihre Kliniken',
    },
    {
      en: 'hospital systems holding medical data',
      es: 'sistemas hospitalarios con datos médicos',
      pt: 'sistemas hospitalares com dados médicos',
      de: 'Krankenhaussysteme mit medizinischen Daten',
    },
  ],
  'AI Machine Learning and Analytics': [
    {
      en: 'predictions with machine learning models',
      es: 'predicciones con modelos de aprendizaje automático',
      pt: 'previsões com modelos de aprendizado de máquina',
      de: 'Vorhersagen mit Machine-Learning-Modellen',
    },
    {
      en: 'an AI assistant on top of their documents',
      es: 'un asistente de IA sobre sus documentos',
      pt: 'um assistente de IA sobre os seus documentos',
      de: 'ein KI-Assistent für ihre Dokumente',
    },
  ],
  'Business Applications: Mainframe Modernization': [
    {
      en: 'retiring the old mainframe and its COBOL batch jobs',
      es: 'retirar el viejo mainframe y sus procesos batch en COBOL',
      pt: 'desativar o mainframe antigo e seus jobs batch em COBOL',
      de: 'den alten Großrechner und seine COBOL-Batchjobs ablösen',
    },
    {
      en: 'modernising a legacy core system',
      es: 'modernizar un sistema central heredado',
      pt: 'modernizar um sistema legado central',
      de: 'ein veraltetes Kernsystem modernisieren',
    },
  ],
  'Storage & Backup': [
    {
      en: 'backups and a recovery site in case of an outage',
      es: 'copias de seguridad y un sitio de recuperación ante una caída',
      pt: 'backups e um site de recuperação em caso de falha',
      de: 'Backups und ein Ausweichstandort für den Fall eines Ausfalls',
    },
    {
      en: 'protecting their data against ransomware',
      es: 'proteger sus datos contra el ransomware',
      pt: 'proteger os dados contra ransomware',
      de: 'ihre Daten vor Ransomware schützen',
    },
  ],
  VMWare: [
    {
      en: 'moving virtual machines off their on-premises hypervisor',
      es: 'sacar las máquinas virtuales de su hipervisor local',
      pt: 'tirar as máquinas virtuais do hipervisor local',
      de: 'virtuelle Maschinen von ihrem lokalen Hypervisor wegziehen',
    },
    {
      en: 'leaving the data centre that runs their vSphere estate',
      es: 'dejar el centro de datos donde corre su entorno vSphere',
      pt: 'sair do data center que roda o ambiente vSphere',
      de: 'das Rechenzentrum mit ihrer vSphere-Umgebung verlassen',
    },
  ],
  IOT: [
    {
      en: 'sensors on machines sending telemetry',
      es: 'sensores en las máquinas que envían telemetría',
      pt: 'sensores nas máquinas enviando telemetria',
      de: 'Sensoren an Maschinen, die Telemetrie senden',
    },
    {
      en: 'connected devices watching the factory floor',
      es: 'dispositivos conectados que vigilan la planta de producción',
      pt: 'dispositivos conectados monitorando o chão de fábrica',
      de: 'vernetzte Geräte, die die Fertigungshalle überwachen',
    },
  ],
  'Migration / Database Migration': [
    {
      en: 'moving their databases to a managed cloud service',
      es: 'migrar sus bases de datos a un servicio gestionado en la nube',
      pt: 'migrar os bancos de dados para um serviço gerenciado na nuvem',
      de: 'ihre Datenbanken zu einem verwalteten Cloud-Dienst migrieren',
    },
    {
      en: 'database licences too expensive, looking at open source',
      es: 'licencias de base de datos demasiado caras, buscan código abierto',
      pt: 'licenças de banco de dados caras demais, avaliando código aberto',
      de: 'Datenbanklizenzen zu teuer, Open Source wird geprüft',
    },
  ],
  'Containers & Serverless': [
    {
      en: 'breaking the monolith into microservices on Kubernetes',
      es: 'dividir el monolito en microservicios sobre Kubernetes',
      pt: 'quebrar o monólito em microsserviços no Kubernetes',
      de: 'den Monolithen in Microservices auf Kubernetes zerlegen',
    },
    {
      en: 'running their apps without managing servers',
      es: 'ejecutar sus aplicaciones sin gestionar servidores',
      pt: 'rodar as aplicações sem gerenciar servidores',
      de: 'ihre Anwendungen ohne eigene Server betreiben',
    },
  ],
  'Edge Computing / End User Computing': [
    {
      en: 'virtual desktops for remote staff',
      es: 'escritorios virtuales para el personal remoto',
      pt: 'desktops virtuais para a equipe remota',
      de: 'virtuelle Desktops für Mitarbeiter im Homeoffice',
    },
    {
      en: 'employees working from home on cloud desktops',
      es: 'empleados que trabajan desde casa con escritorios en la nube',
      pt: 'funcionários trabalhando de casa em desktops na nuvem',
      de: 'Beschäftigte, die von zu Hause auf Cloud-Desktops arbeiten',
    },
  ],
  'Security & Compliance': [
    {
      en: 'passing the security audit and meeting compliance rules',
      es: 'superar la auditoría de seguridad y cumplir la normativa',
      pt: 'passar na auditoria de segurança e cumprir as normas de compliance',
      de: 'das Sicherheitsaudit bestehen und Compliance-Vorgaben erfüllen',
    },
    {
      en: 'threat detection and hardening of their cloud accounts',
      es: 'detección de amenazas y bastionado de sus cuentas en la nube',
      pt: 'detecção de ameaças e proteção das contas na nuvem',
      de: 'Bedrohungserkennung und Härtung ihrer Cloud-Konten',
    },
  ],
};

/** "for a …": what an analyst calls a company of an ACE industry. */
const FOR_AN_INDUSTRY: Record<string, Translated> = {
  'Financial Services': {
    en: 'for a bank',
    es: 'para un banco',
    pt: 'para um banco',
    de: 'für eine Bank',
  },
  Manufacturing: {
    en: 'for a manufacturer',
    es: 'para un fabricante',
    pt: 'para uma indústria',
    de: 'für einen Hersteller',
  },
  Retail: {
    en: 'for a retailer',
    es: 'para un minorista',
    pt: 'para um varejista',
    de: 'für einen Einzelhändler',
  },
  Healthcare: {
    en: 'for a hospital group',
    es: 'para un grupo hospitalario',
    pt: 'para uma rede de hospitais',
    de: 'für eine Klinikgruppe',
  },
  'Transportation and Logistics': {
    en: 'for a logistics company',
    es: 'para una empresa de logística',
    pt: 'para uma empresa de logística',
    de: 'für ein Logistikunternehmen',
  },
  'Software and Internet': {
    en: 'for a software company',
    es: 'para una empresa de software',
    pt: 'para uma empresa de software',
    de: 'für ein Softwareunternehmen',
  },
  Telecommunications: {
    en: 'for a telecom operator',
    es: 'para un operador de telecomunicaciones',
    pt: 'para uma operadora de telecomunicações',
    de: 'für einen Telekommunikationsanbieter',
  },
  'Energy - Power and Utilities': {
    en: 'for a utility',
    es: 'para una compañía eléctrica',
    pt: 'para uma distribuidora de energia',
    de: 'für einen Energieversorger',
  },
  'Life Sciences': {
    en: 'for a pharma company',
    es: 'para una farmacéutica',
    pt: 'para uma farmacêutica',
    de: 'für ein Pharmaunternehmen',
  },
  Education: {
    en: 'for a university',
    es: 'para una universidad',
    pt: 'para uma universidade',
    de: 'für eine Universität',
  },
  Hospitality: {
    en: 'for a hotel chain',
    es: 'para una cadena hotelera',
    pt: 'para uma rede de hotéis',
    de: 'für eine Hotelkette',
  },
  'Professional Services': {
    en: 'for a consultancy',
    es: 'para una consultora',
    pt: 'para uma consultoria',
    de: 'für eine Unternehmensberatung',
  },
  'Wholesale and Distribution': {
    en: 'for a distributor',
    es: 'para un distribuidor mayorista',
    pt: 'para uma distribuidora',
    de: 'für einen Großhändler',
  },
  'Consumer Goods': {
    en: 'for a consumer goods maker',
    es: 'para un fabricante de bienes de consumo',
    pt: 'para uma fabricante de bens de consumo',
    de: 'für einen Konsumgüterhersteller',
  },
  Government: {
    en: 'for a public agency',
    es: 'para un organismo público',
    pt: 'para um órgão público',
    de: 'für eine Behörde',
  },
};

/** "in …" for the generator's countries: the article and preposition differ by country. */
const IN_COUNTRY: Record<string, Record<Language, string>> = {
  BR: { es: 'en Brasil', pt: 'no Brasil', de: 'in Brasilien' },
  US: { es: 'en Estados Unidos', pt: 'nos Estados Unidos', de: 'in den USA' },
  DE: { es: 'en Alemania', pt: 'na Alemanha', de: 'in Deutschland' },
  FR: { es: 'en Francia', pt: 'na França', de: 'in Frankreich' },
  GB: { es: 'en el Reino Unido', pt: 'no Reino Unido', de: 'in Großbritannien' },
  IN: { es: 'en la India', pt: 'na Índia', de: 'in Indien' },
  JP: { es: 'en Japón', pt: 'no Japão', de: 'in Japan' },
  MX: { es: 'en México', pt: 'no México', de: 'in Mexiko' },
  ES: { es: 'en España', pt: 'na Espanha', de: 'in Spanien' },
  AU: { es: 'en Australia', pt: 'na Austrália', de: 'in Australien' },
  CA: { es: 'en Canadá', pt: 'no Canadá', de: 'in Kanada' },
  NL: { es: 'en los Países Bajos', pt: 'na Holanda', de: 'in den Niederlanden' },
  SG: { es: 'en Singapur', pt: 'em Singapura', de: 'in Singapur' },
  ZA: { es: 'en Sudáfrica', pt: 'na África do Sul', de: 'in Südafrika' },
  CL: { es: 'en Chile', pt: 'no Chile', de: 'in Chile' },
};
/** English names that take "the": "in the Netherlands". */
const WITH_THE = new Set(['GB', 'NL', 'US']);
const PREPOSITION: Record<'en' | Language, string> = { en: 'in', es: 'en', pt: 'em', de: 'in' };

export type StageCategory = 'open' | 'won' | 'lost';
export const STAGE_CATEGORIES: readonly StageCategory[] = ['won', 'lost', 'open'];

/** Stage words with a place, a kind of company, or both ({where}, {forWhom}). */
const STAGE_PHRASES: Record<StageCategory, Record<'country' | 'industry' | 'both', string>> = {
  won: {
    country: 'won deals {where}',
    industry: 'deals we won {forWhom}',
    both: 'won deals {forWhom} {where}',
  },
  lost: {
    country: 'lost opportunities {where}',
    industry: 'opportunities lost {forWhom}',
    both: 'lost deals {forWhom} {where}',
  },
  open: {
    country: 'open pipeline {where}',
    industry: 'open opportunities {forWhom}',
    both: 'open pipeline {forWhom} {where}',
  },
};

/** Whether the query words exist for this use case and industry. */
export const describable = (useCase: string, industry: string) =>
  useCase in LOOSE_DESCRIPTIONS && industry in FOR_AN_INDUSTRY;

/** Whether the query words exist for this industry. */
export const nameable = (industry: string) => industry in FOR_AN_INDUSTRY;

/** The project in other words than its title, e.g. "moving their databases to a managed cloud service". */
export function describedProject(
  useCase: string,
  variant: number,
  language: 'en' | Language = 'en',
): string {
  const project = LOOSE_DESCRIPTIONS[useCase]?.[variant % 2]?.[language];
  if (!project) throw new Error(`no loose description for the use case "${useCase}"`);
  return project;
}

/** "moving their databases to a managed cloud service for a bank in Brazil", or translated. */
export function describedDeals(
  useCase: string,
  industry: string,
  country: string,
  variant: number,
  language: 'en' | Language = 'en',
): string {
  const project = describedProject(useCase, variant, language);
  return `${project} ${forAn(industry, language)} ${inCountry(country, language)}`;
}

/** "won deals for a bank in Brazil"; country or industry null: that part left out. */
export function stageWords(
  stage: StageCategory,
  industry: string | null,
  country: string | null,
): string {
  const shape = industry && country ? 'both' : industry ? 'industry' : 'country';
  return STAGE_PHRASES[stage][shape]
    .replace('{forWhom}', industry ? forAn(industry, 'en') : '')
    .replace('{where}', country ? inCountry(country, 'en') : '');
}

function forAn(industry: string, language: 'en' | Language): string {
  const words = FOR_AN_INDUSTRY[industry]?.[language];
  if (!words) throw new Error(`no words for the industry "${industry}"`);
  return words;
}

export function inCountry(code: string, language: 'en' | Language = 'en'): string {
  if (language === 'en') return `in ${WITH_THE.has(code) ? 'the ' : ''}${countryName(code)}`;
  const known = IN_COUNTRY[code]?.[language];
  if (known) return known;
  const name = new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  return `${PREPOSITION[language]} ${name}`;
}
