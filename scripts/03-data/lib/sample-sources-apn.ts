// The APN side of 06_generate_sample_sources.ts: one GetOpportunity response per ACE row,
// written to the six apn_* tables, to ace/opportunities-NNN.json, and, for shared deals and
// hard negatives, to ground_truth.csv.
import { DiscoveredColumn, DiscoveredTable } from '@revops/ingestion/schema/discovery';
import { aceOpportunity, AceOpportunity, SOLUTIONS } from './sample-sources-ace';
import { INSTALL_MS, makeCompany, similarCompany } from './sample-sources-companies';
import { plantAceDefect, PlantedDefect } from './sample-sources-defects';
import { AceRole, DealLayout, leadPlan, makePlan, Plan } from './sample-sources-deals';
import { SalesUser } from './sample-sources-odoo-reference';
import { chance, rngFor } from './sample-sources-random';
import {
  CsvFile,
  inSourceSchema,
  JsonArrayFiles,
  Progress,
  QueryQueue,
  Row,
  SourceTarget,
  tableSink,
  WrittenFile,
} from './sample-sources-sinks';

const ACE_FILE_ROWS = 10_000;
type Json = Record<string, unknown>;

// ---------- rows of the apn_* tables, all read off one response

// The value at a column's apiPath ("Customer.Account.Address.City", "PrimaryNeedsFromAws[]").
function valueAt(response: Json, apiPath: string): unknown {
  let value: unknown = response;
  for (const key of apiPath.replace(/\[\]$/, '').split('.')) {
    value = value && typeof value === 'object' ? (value as Json)[key] : undefined;
  }
  return value ?? null;
}

const apiPathOf = (c: DiscoveredColumn) => (c as DiscoveredColumn & { apiPath?: string }).apiPath;

// Driven by the discovery file, so the table and the JSON export cannot disagree.
function opportunityRow(table: DiscoveredTable, o: AceOpportunity): Row {
  const response = o as unknown as Json;
  return Object.fromEntries(
    table.columns.map((c) => [c.name, valueAt(response, apiPathOf(c) ?? '')]),
  );
}

type AcePerson = AceOpportunity['OpportunityTeam'][number];

function personRows(o: AceOpportunity, people: AcePerson[]): Row[] {
  return people.map((p, position) => ({
    opportunity_id: o.Id,
    position,
    email: p.Email,
    first_name: p.FirstName,
    last_name: p.LastName,
    business_title: p.BusinessTitle,
    phone: p.Phone,
    last_modified_date: o.LastModifiedDate,
  }));
}

function relatedEntityRows(o: AceOpportunity): Row[] {
  return Object.entries(o.RelatedEntityIdentifiers).flatMap(([type, ids]) =>
    ids.map((id) => ({
      opportunity_id: o.Id,
      entity_type: type,
      entity_id: id,
      last_modified_date: o.LastModifiedDate,
    })),
  );
}

// The first opportunity naming an account creates its row; later ones hit ON CONFLICT.
function accountRow(o: AceOpportunity): Row | null {
  const account = o.Customer.Account;
  if (!account.AwsAccountId) return null;
  return {
    aws_account_id: account.AwsAccountId,
    company_name: account.CompanyName,
    website_url: account.WebsiteUrl,
    country_code: account.Address.CountryCode,
    first_opportunity_id: o.Id,
    created_date: o.CreatedDate,
    last_modified_date: o.LastModifiedDate,
  };
}

function solutionRows(): Row[] {
  const at = new Date(INSTALL_MS).toISOString();
  return SOLUTIONS.map(([id, name, category, status]) => ({
    id,
    catalog: 'AWS',
    arn: `arn:aws:partnercentral:us-east-1::catalog/AWS/solution/${id}`,
    name,
    category,
    status,
    created_date: at,
    last_modified_date: at,
  }));
}

// ---------- what each ACE row is about

function planFor(layout: DealLayout, users: SalesUser[], role: AceRole, position: number): Plan {
  const { seed } = layout.sizes;
  const r = rngFor(seed, 'ace-plan', position);
  if (role.kind === 'match') return leadPlan(layout, users, role.lead);
  if (role.kind === 'ace_only') return makePlan(r, makeCompany(seed, role.company), users);
  const lead = leadPlan(layout, users, role.lead);
  if (role.kind === 'same_company') {
    return makePlan(r, lead.company, users, { avoidTopic: lead.topic.key });
  }
  // A look-alike customer, half the time even on the same kind of project.
  const company = similarCompany(seed, role.company, lead.company);
  return makePlan(r, company, users, chance(r, 0.5) ? { topic: lead.topic.key } : {});
}

function aceRow(layout: DealLayout, users: SalesUser[], position: number) {
  const { seed } = layout.sizes;
  const role = layout.aceRole(position);
  const shared = role.kind === 'match';
  // About a third of the shared rows carry the Odoo id, as a partner CRM sync would.
  const withRef = shared && chance(rngFor(seed, 'partner-ref', position), 1 / 3);
  const opportunity = aceOpportunity(rngFor(seed, 'ace', position), {
    id: layout.aceId(position),
    plan: planFor(layout, users, role, position),
    shared,
    partnerRef: withRef ? String(role.lead + 1) : null,
    users,
    seed,
  });
  return { role, opportunity };
}

// ---------- writing the source

export interface ApnResult {
  counts: Record<string, number>;
  files: WrittenFile[];
  matches: number;
  hardNegatives: number;
  /** Data-quality problems planted on purpose (see sample-sources-defects.ts). */
  planted: PlantedDefect[];
}

function apnWriters(queue: QueryQueue | null, schema: string, tables: DiscoveredTable[]) {
  const writer = (name: string, skipDuplicates = false) => {
    const table = tables.find((t) => t.table === name);
    if (!table) throw new Error(`no discovery file for APN table ${name}`);
    return tableSink(queue, schema, table, skipDuplicates);
  };
  return {
    opportunity: writer('apn_opportunity'),
    contact: writer('apn_customer_contact'),
    team: writer('apn_opportunity_team_member'),
    related: writer('apn_opportunity_related_entity'),
    account: writer('apn_aws_account', true),
    solution: writer('apn_solution'),
  };
}

/** The APN source: its schema (unless export files only), its exports, the ground truth. */
export async function writeApnSource(
  target: SourceTarget,
  tables: DiscoveredTable[],
  layout: DealLayout,
  users: SalesUser[],
): Promise<ApnResult> {
  const { client, schema, outDir, log } = target;
  return inSourceSchema(client, schema, tables, async (queue) => {
    const w = apnWriters(queue, schema, tables);
    for (const row of solutionRows()) await w.solution.add(row);
    const json = new JsonArrayFiles(outDir, 'ace/opportunities', ACE_FILE_ROWS);
    const truth = new CsvFile(outDir, 'ground_truth.csv', ['odoo_id', 'ace_id', 'kind']);
    const progress = new Progress(`apn apn_opportunity (${schema})`, layout.sizes.ace, log);
    let matches = 0;
    const planted: PlantedDefect[] = [];
    let lastAccount: AceOpportunity['Customer']['Account'] | null = null;
    for (let p = 0; p < layout.sizes.ace; p++) {
      const { role, opportunity: o } = aceRow(layout, users, p);
      const defect = plantAceDefect(p, o, lastAccount);
      if (defect) planted.push(defect);
      if (o.Customer.Account.AwsAccountId) lastAccount = o.Customer.Account;
      json.add(o);
      if (role.kind !== 'ace_only') {
        truth.write([
          String(role.lead + 1),
          o.Id,
          role.kind === 'match' ? 'match' : 'hard_negative',
        ]);
        if (role.kind === 'match') matches++;
      }
      await w.opportunity.add(opportunityRow(w.opportunity.table, o));
      for (const row of personRows(o, o.Customer.Contacts)) await w.contact.add(row);
      for (const row of personRows(o, o.OpportunityTeam)) await w.team.add(row);
      for (const row of relatedEntityRows(o)) await w.related.add(row);
      const account = accountRow(o);
      if (account) await w.account.add(account);
      progress.tick(p + 1);
    }
    const counts: Record<string, number> = {};
    for (const writer of Object.values(w)) counts[writer.table.table] = await writer.close();
    const files = [...json.close(), truth.close()];
    return { counts, files, matches, hardNegatives: truth.rows - matches, planted };
  });
}
