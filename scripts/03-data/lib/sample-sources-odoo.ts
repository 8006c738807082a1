// The Odoo side of 06_generate_sample_sources.ts: all 17 tables in one schema, and each model
// as Odoo's import-compatible CSV export (odoo/<model>.csv).
import { DiscoveredTable } from '@revops/ingestion/schema/discovery';
import { makeCompany } from './sample-sources-companies';
import { DealLayout, leadPlan } from './sample-sources-deals';
import {
  ownPartnerRows,
  PartnerIds,
  companyPartnerRow,
  leadRow,
  personPartnerRow,
} from './sample-sources-odoo-rows';
import { referenceRows, SalesUser } from './sample-sources-odoo-reference';
import { pick, rngFor } from './sample-sources-random';
import {
  inSourceSchema,
  OdooCsvExport,
  Progress,
  QueryQueue,
  ProgressOut,
  Row,
  SourceTarget,
  TableSink,
  tableSink,
  WrittenFile,
} from './sample-sources-sinks';
import { plantOdooDefect, PlantedDefect } from './sample-sources-defects';

// crm_tag_rel is a many2many table, not a model: the export carries it as crm.lead's tag_ids.
const LEAD_EXTRA_HEADERS = ['tag_ids/.id'];

// Every row goes to its table and, except crm_tag_rel, to its model's CSV export.
class OdooSinks {
  private readonly writers = new Map<string, TableSink>();
  private readonly exports = new Map<string, OdooCsvExport>();

  constructor(
    queue: QueryQueue | null,
    schema: string,
    tables: DiscoveredTable[],
    outDir: string,
    readonly log: ProgressOut | null,
  ) {
    for (const table of tables) {
      this.writers.set(table.table, tableSink(queue, schema, table));
      if (table.table === 'crm_tag_rel') continue;
      const extra = table.table === 'crm_lead' ? LEAD_EXTRA_HEADERS : [];
      this.exports.set(table.table, new OdooCsvExport(outDir, table, extra));
    }
  }

  async add(table: string, row: Row, extraValues: string[] = []): Promise<void> {
    const writer = this.writers.get(table);
    if (!writer) throw new Error(`no discovery file for Odoo table ${table}`);
    this.exports.get(table)?.write(row, extraValues);
    await writer.add(row);
  }

  async close(outDir: string): Promise<{ counts: Record<string, number>; files: WrittenFile[] }> {
    const counts: Record<string, number> = {};
    for (const [table, writer] of this.writers) counts[table] = await writer.close();
    const files = [...this.exports.values()].map((e) => e.close(outDir));
    return { counts, files };
  }
}

async function writeReference(sinks: OdooSinks, users: SalesUser[]): Promise<void> {
  for (const [table, rows] of Object.entries(referenceRows(users))) {
    for (const row of rows) await sinks.add(table, row);
  }
  for (const row of ownPartnerRows(users)) await sinks.add('res_partner', row);
}

// Customer companies and their contacts, in id order.
async function writePartners(
  sinks: OdooSinks,
  layout: DealLayout,
  users: SalesUser[],
  ids: PartnerIds,
): Promise<void> {
  const { seed } = layout.sizes;
  const progress = new Progress('odoo res_partner (companies)', layout.partnerCompanies, sinks.log);
  for (let j = 0; j < layout.partnerCompanies; j++) {
    const company = makeCompany(seed, j);
    const manager = pick(rngFor(seed, 'account-manager', j), users);
    const parent = companyPartnerRow(company, ids.company(j), manager);
    await sinks.add('res_partner', parent);
    for (const [k, person] of company.persons.entries()) {
      await sinks.add('res_partner', personPartnerRow(company, person, ids.contact(j, k), parent));
    }
    progress.tick(j + 1);
  }
}

async function writeLeads(
  sinks: OdooSinks,
  layout: DealLayout,
  users: SalesUser[],
  ids: PartnerIds,
  planted: PlantedDefect[],
): Promise<void> {
  const progress = new Progress('odoo crm_lead', layout.sizes.odoo, sinks.log);
  for (let i = 0; i < layout.sizes.odoo; i++) {
    const plan = leadPlan(layout, users, i);
    const c = plan.company.index;
    const partner = layout.hasPartner(c)
      ? {
          companyId: ids.company(c),
          contactId: plan.contactIndex === null ? null : ids.contact(c, plan.contactIndex),
        }
      : { companyId: null, contactId: null };
    const id = i + 1;
    const lead = leadRow(plan, id, partner);
    const defect = plantOdooDefect(i, lead);
    if (defect) planted.push(defect);
    await sinks.add('crm_lead', lead, [plan.tagIds.join(',')]);
    for (const tagId of plan.tagIds) await sinks.add('crm_tag_rel', { lead_id: id, tag_id: tagId });
    progress.tick(id);
  }
}

/** The Odoo source: its schema (unless export files only) and its exports. */
export async function writeOdooSource(
  target: SourceTarget,
  tables: DiscoveredTable[],
  layout: DealLayout,
  users: SalesUser[],
): Promise<{ counts: Record<string, number>; files: WrittenFile[]; planted: PlantedDefect[] }> {
  const { client, schema, outDir, log } = target;
  return inSourceSchema(client, schema, tables, async (queue) => {
    const sinks = new OdooSinks(queue, schema, tables, outDir, log);
    const ids = new PartnerIds(layout.sizes.seed, layout.partnerCompanies);
    await writeReference(sinks, users);
    await writePartners(sinks, layout, users, ids);
    const planted: PlantedDefect[] = [];
    await writeLeads(sinks, layout, users, ids, planted);
    return { ...(await sinks.close(outDir)), planted };
  });
}
