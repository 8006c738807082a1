// What each searchable opportunity of eval:search's corpus really is: its customer, use case,
// industry, country and stage category. ACE states all of them; Odoo states the country and
// the stage, not the use case nor (for a lead without a partner) the industry, so those come
// from the generator, which rebuilds any lead's plan from the seed and the sample sizes.
import { normalizeCompanyName } from '@revops/transformation/mapping/company-name';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { companyStem, makeCompany } from '../../03-data/lib/sample-sources-companies';
import { DealLayout, leadPlan, Sizes } from '../../03-data/lib/sample-sources-deals';
import { salesUsers } from '../../03-data/lib/sample-sources-odoo-reference';
import { StageCategory } from './search-phrases';

export interface OpportunityTruth {
  /** `source:id`, as search hits are compared. */
  key: string;
  /** The generator's company index: the same customer in both sources. */
  company: number;
  /** CORE's normalised customer name; null when the record names none (redacted ACE). */
  customer: string | null;
  useCase: string | null;
  industry: string | null;
  country: string | null;
  stage: StageCategory;
}

export interface Customer {
  company: number;
  /** The name as CORE normalises it ("hospital kalo"). */
  name: string;
  /** The generator's invented word in it ("kalo"), what tells this customer apart. */
  stem: string;
}

export interface CorpusTruth {
  /** Every searchable opportunity, Odoo first, each in id order. */
  opportunities: OpportunityTruth[];
  /** Customers with at least one searchable Odoo lead, by company index. */
  customers: Customer[];
}

const SIZES_FILE = 'eval_search_corpus.json';

/** Keeps the generator's sizes beside its files, for a later --reuse of the corpus. */
export function writeCorpusSizes(out: string, sizes: Sizes): Sizes {
  writeFileSync(join(out, SIZES_FILE), `${JSON.stringify(sizes)}\n`);
  return sizes;
}

export function readCorpusSizes(out: string): Sizes {
  try {
    return JSON.parse(readFileSync(join(out, SIZES_FILE), 'utf8')) as Sizes;
  } catch (error) {
    throw new Error(`${join(out, SIZES_FILE)} is missing: build the corpus with eval:search`, {
      cause: error,
    });
  }
}

interface OdooRow {
  id: string;
  name: string;
  customer: string | null;
  country_code: string | null;
  stage: StageCategory;
}

interface AceRow {
  id: string;
  customer: string | null;
  use_case: string | null;
  industry: string | null;
  country_code: string | null;
  stage: StageCategory;
}

export async function corpusTruth(dataSource: DataSource, sizes: Sizes): Promise<CorpusTruth> {
  const layout = new DealLayout(sizes);
  const users = salesUsers(sizes.seed, sizes.odoo);
  // Stage categories as the issue defines them; computed here so the evaluation does not
  // depend on the search's own column for them.
  const odooRows: OdooRow[] = await dataSource.query(
    `SELECT o.odoo_id::text AS id, o.name, o.customer_name_normalized AS customer, o.country_code,
            CASE WHEN o.is_won THEN 'won' WHEN NOT o.active THEN 'lost' ELSE 'open' END AS stage
       FROM core.odoo_opportunities o
       JOIN search.opportunity_documents d ON d.source = 'odoo' AND d.source_id = o.odoo_id::text
      ORDER BY o.odoo_id`,
  );
  const aceRows: AceRow[] = await dataSource.query(
    `SELECT a.ace_id AS id, a.customer_name_normalized AS customer, a.use_case,
            a.industry, a.country_code,
            CASE a.stage WHEN 'Launched' THEN 'won' WHEN 'Closed Lost' THEN 'lost'
                         ELSE 'open' END AS stage
       FROM core.ace_opportunities a
       JOIN search.opportunity_documents d ON d.source = 'ace' AND d.source_id = a.ace_id
      ORDER BY a.ace_id`,
  );

  let renamed = 0;
  const odoo = odooRows.map((row): OpportunityTruth => {
    const plan = leadPlan(layout, users, Number(row.id) - 1);
    if (plan.odooName !== row.name) renamed++;
    return {
      key: `odoo:${row.id}`,
      company: plan.company.index,
      customer: row.customer,
      useCase: plan.topic.useCase,
      industry: plan.company.industry.ace,
      country: row.country_code,
      stage: row.stage,
    };
  });
  // A corpus from another seed or size would score near zero for no visible reason.
  if (renamed > odooRows.length * 0.01) {
    throw new Error(
      `${renamed} of ${odooRows.length} Odoo leads are not what the generator makes with ` +
        `seed ${sizes.seed}, ${sizes.odoo} leads, ${sizes.ace} ACE, ${sizes.shared} shared`,
    );
  }

  const aceCompany = new Map<string, number>();
  for (let position = 0; position < sizes.ace; position++) {
    const role = layout.aceRole(position);
    const company = 'company' in role ? role.company : layout.companyOfLead(role.lead);
    aceCompany.set(layout.aceId(position), company);
  }
  const ace = aceRows.map((row): OpportunityTruth => {
    const company = aceCompany.get(row.id);
    if (company === undefined) throw new Error(`ACE ${row.id} is not one the generator made`);
    return {
      key: `ace:${row.id}`,
      company,
      customer: row.customer,
      useCase: row.use_case,
      industry: row.industry,
      country: row.country_code,
      stage: row.stage,
    };
  });

  const companies = [...new Set(odoo.map((o) => o.company))].sort((a, b) => a - b);
  const customers = companies.flatMap((index): Customer[] => {
    const name = normalizeCompanyName(makeCompany(sizes.seed, index).name);
    const stem = companyStem(sizes.seed, index).toLowerCase();
    return name && name.split(' ').includes(stem) ? [{ company: index, name, stem }] : [];
  });
  return { opportunities: [...odoo, ...ace], customers };
}
