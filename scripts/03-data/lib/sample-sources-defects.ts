// Data-quality problems the generator plants on purpose, so validation has real ones to
// find: one record in a hundred gets one, in a fixed rotation of kinds, and
// planted_defects.csv says which record got which and the rule that should catch it.
import { CsvFile, WrittenFile } from './sample-sources-sinks';
import type { AceOpportunity } from './sample-sources-ace';

export interface PlantedDefect {
  source: 'odoo' | 'ace';
  id: string;
  defect: string;
  /** The validation rule that reports it. */
  ruleId: string;
}

type Row = Record<string, unknown>;

const EVERY = 100;
const OFFSET = 17;

/** The defect for the record at `index` of its source (0-based), if it gets one. */
function kindAt<T>(index: number, kinds: readonly T[]): T | null {
  if (index % EVERY !== OFFSET) return null;
  return kinds[Math.floor(index / EVERY) % kinds.length];
}

const ODOO_DEFECTS: readonly { defect: string; ruleId: string; plant: (lead: Row) => void }[] = [
  {
    defect: 'stage that does not exist',
    ruleId: 'odoo.reference.stage',
    plant: (l) => void (l.stage_id = 9999),
  },
  {
    defect: 'e-mail typed with at for @',
    ruleId: 'odoo.format.email',
    plant: (l) =>
      void (l.email_from = String(l.email_from ?? 'sales@unknown.com').replace('@', ' at ')),
  },
  {
    defect: 'negative expected revenue',
    ruleId: 'odoo.range.expected-revenue',
    plant: (l) => void (l.expected_revenue = -Math.abs(Number(l.expected_revenue) || 1000)),
  },
  {
    defect: 'probability 150',
    ruleId: 'odoo.range.probability',
    plant: (l) => void (l.probability = 150),
  },
  {
    defect: 'closing date 1970-01-01',
    ruleId: 'odoo.range.close-date',
    plant: (l) => void (l.date_deadline = '1970-01-01'),
  },
  {
    defect: 'website without a host name',
    ruleId: 'odoo.format.website',
    plant: (l) => void (l.website = 'htp//www'),
  },
];

/** Plants the lead's defect, if it gets one, into its row. */
export function plantOdooDefect(index: number, lead: Row): PlantedDefect | null {
  const kind = kindAt(index, ODOO_DEFECTS);
  if (!kind) return null;
  kind.plant(lead);
  return { source: 'odoo', id: String(lead.id), defect: kind.defect, ruleId: kind.ruleId };
}

type Account = AceOpportunity['Customer']['Account'];

const ACE_DEFECTS: readonly {
  defect: string;
  ruleId: string;
  /** False when the opportunity cannot carry it (a redacted one has no account). */
  plant: (o: AceOpportunity, previous: Account | null) => boolean;
}[] = [
  {
    defect: 'AWS account id of 11 digits',
    ruleId: 'ace.format.aws-account-id',
    plant: (o) => {
      if (o.NationalSecurity === 'Yes') return false;
      o.Customer.Account.AwsAccountId = String(10_000_000_000 + Number(o.Id.slice(-6)));
      return true;
    },
  },
  {
    defect: "another company's AWS account id",
    ruleId: 'ace.consistency.aws-account-company',
    plant: (o, previous) => {
      const account = o.Customer.Account;
      if (o.NationalSecurity === 'Yes' || !previous?.AwsAccountId) return false;
      if (previous.CompanyName === account.CompanyName) return false;
      account.AwsAccountId = previous.AwsAccountId;
      return true;
    },
  },
  {
    defect: 'country UK instead of GB',
    ruleId: 'ace.format.country',
    plant: (o) => {
      if (o.NationalSecurity === 'Yes') return false;
      o.Customer.Account.Address.CountryCode = 'UK';
      return true;
    },
  },
  {
    defect: 'negative monthly spend',
    ruleId: 'ace.range.monthly-spend',
    plant: (o) => {
      const [spend] = o.Project.ExpectedCustomerSpend;
      spend.Amount = `-${spend.Amount}`;
      return true;
    },
  },
];

/**
 * Plants the opportunity's defect, if it gets one. `previous` is the last account seen with
 * an AWS account id (for "one account, two companies").
 */
export function plantAceDefect(
  index: number,
  o: AceOpportunity,
  previous: Account | null,
): PlantedDefect | null {
  const kind = kindAt(index, ACE_DEFECTS);
  if (!kind || !kind.plant(o, previous)) return null;
  return { source: 'ace', id: o.Id, defect: kind.defect, ruleId: kind.ruleId };
}

export function writePlantedDefects(outDir: string, defects: PlantedDefect[]): WrittenFile {
  const file = new CsvFile(outDir, 'planted_defects.csv', ['source', 'id', 'defect', 'rule_id']);
  for (const d of defects) file.write([d.source, d.id, d.defect, d.ruleId]);
  return file.close();
}
