import { countryName } from '@revops/embedding/text/country-name';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';

/** The project in an analyst's words, never the generator's titles: two per ACE use case. */
const LOOSE_DESCRIPTIONS: Record<string, [string, string]> = {
  'Big Data: Data Warehouse / Data Integration / ETL / Data Lake / BI': [
    'moving their reporting and analytics data to the cloud',
    'one place for all company data and the dashboards built on it',
  ],
  'Business Applications & SAP Production': [
    'running their ERP system on cloud servers',
    'getting the SAP landscape out of their own data centre',
  ],
  'Business Applications & Contact Center': [
    'a cloud call centre for the customer service agents',
    'phone support with chat and voice bots',
  ],
  'Healthcare and Life Sciences': [
    'a patient records platform for their clinics',
    'hospital systems holding medical data',
  ],
  'AI Machine Learning and Analytics': [
    'predictions with machine learning models',
    'an AI assistant on top of their documents',
  ],
  'Business Applications: Mainframe Modernization': [
    'retiring the old mainframe and its COBOL batch jobs',
    'modernising a legacy core system',
  ],
  'Storage & Backup': [
    'backups and a recovery site in case of an outage',
    'protecting their data against ransomware',
  ],
  VMWare: [
    'moving virtual machines off their on-premises hypervisor',
    'leaving the data centre that runs their vSphere estate',
  ],
  IOT: ['sensors on machines sending telemetry', 'connected devices watching the factory floor'],
  'Migration / Database Migration': [
    'moving their databases to a managed cloud service',
    'database licences too expensive, looking at open source',
  ],
  'Containers & Serverless': [
    'breaking the monolith into microservices on Kubernetes',
    'running their apps without managing servers',
  ],
  'Edge Computing / End User Computing': [
    'virtual desktops for remote staff',
    'employees working from home on cloud desktops',
  ],
  'Security & Compliance': [
    'passing the security audit and meeting compliance rules',
    'threat detection and hardening of their cloud accounts',
  ],
};

/** What an analyst calls a company of an ACE industry, in a loose description. */
const INDUSTRY_NOUNS: Record<string, string> = {
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

export type QueryKind = 'named deal' | 'described deals';

export interface LabelledQuery {
  kind: QueryKind;
  q: string;
  /** `source:id` of every right answer. */
  relevant: Set<string>;
}

interface SharedDeal {
  odoo_id: string;
  ace_id: string;
  customer: string;
  use_case: string;
  industry: string | null;
  country_code: string | null;
}

/**
 * The labelled query set of eval:search, from the generator's ground truth (shared deals
 * whose Odoo lead and ACE opportunity are both searchable), half of each kind:
 * - named deal: the customer's name without its legal form, the project in other words
 *   than its title, every other time the country; right answers: that deal's two records;
 * - described deals: the project in other words, the kind of company and the country, no
 *   name ("… for a hospital group in Brazil"); right answers: every shared deal with that
 *   use case, industry and country, both sides.
 * Deals are taken evenly spread over the ground truth, so the set is the same every run.
 */
export async function labelledQueries(
  dataSource: DataSource,
  groundTruthCsv: string,
  wanted: number,
): Promise<LabelledQuery[]> {
  const truth: { odoo_id: string; ace_id: string; kind: string }[] = parse(
    readFileSync(groundTruthCsv),
    { columns: true },
  );
  const deals: SharedDeal[] = await dataSource.query(
    `SELECT p.odoo_id, p.ace_id, a.customer_name_normalized AS customer, a.use_case,
            a.industry, a.country_code
       FROM jsonb_to_recordset($1::jsonb) AS p(odoo_id text, ace_id text)
       JOIN core.ace_opportunities a ON a.ace_id = p.ace_id
      WHERE EXISTS (SELECT 1 FROM search.opportunity_documents d
                     WHERE d.source = 'ace' AND d.source_id = p.ace_id)
        AND EXISTS (SELECT 1 FROM search.opportunity_documents d
                     WHERE d.source = 'odoo' AND d.source_id = p.odoo_id)
        AND a.customer_name_normalized IS NOT NULL AND a.use_case IS NOT NULL
      ORDER BY p.ace_id`,
    [JSON.stringify(truth.filter((row) => row.kind === 'match'))],
  );
  const similar = new Map<string, SharedDeal[]>();
  for (const deal of deals) {
    const key = describedKey(deal);
    similar.set(key, [...(similar.get(key) ?? []), deal]);
  }
  const step = Math.max(1, Math.floor(deals.length / wanted));
  return deals
    .filter((_, i) => i % step === 0)
    .slice(0, wanted)
    .map((deal, i) => {
      const described = LOOSE_DESCRIPTIONS[deal.use_case];
      if (!described) throw new Error(`no loose description for the use case "${deal.use_case}"`);
      const country = deal.country_code ? `in ${countryName(deal.country_code)}` : '';
      const noun = deal.industry ? INDUSTRY_NOUNS[deal.industry] : undefined;
      if (i % 2 === 1 && noun) {
        const others = similar.get(describedKey(deal)) as SharedDeal[];
        return {
          kind: 'described deals',
          q: `${described[(i >> 1) % 2]} for a ${noun} ${country}`.trim(),
          relevant: new Set(others.flatMap((d) => [`odoo:${d.odoo_id}`, `ace:${d.ace_id}`])),
        };
      }
      return {
        kind: 'named deal',
        q: [deal.customer, described[(i >> 1) % 2], i % 4 === 0 ? country : '']
          .filter(Boolean)
          .join(' '),
        relevant: new Set([`odoo:${deal.odoo_id}`, `ace:${deal.ace_id}`]),
      };
    });
}

function describedKey(deal: SharedDeal): string {
  return `${deal.use_case}|${deal.industry}|${deal.country_code}`;
}
