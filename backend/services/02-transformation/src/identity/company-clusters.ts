import { mostFrequent } from './most-frequent';
import { LabelledUnionFind } from './union-find';

/** What one live CORE opportunity says about its customer. */
export interface OpportunityIdentity {
  source: 'odoo' | 'ace';
  sourceId: string;
  /** The customer's name as the source spells it. */
  customerName: string | null;
  nameNormalized: string | null;
  /** Registrable domain (webmail already left out by the mapping). */
  domain: string | null;
  /** ACE: the customer's AWS account id, only when well-formed. */
  awsAccountId: string | null;
  /** Odoo: the customer's commercial partner id. */
  partnerId: number | null;
  countryCode: string | null;
  /** When the source last modified the opportunity (epoch ms). */
  modifiedMs: number | null;
}

export interface CompanyMember {
  source: 'odoo' | 'ace';
  sourceId: string;
}

export interface CompanyCluster {
  /** Stable across runs while the company keeps its domain (or, without one, its name). */
  key: string;
  displayName: string | null;
  nameNormalized: string | null;
  domain: string | null;
  countryCode: string | null;
  odooOpportunities: number;
  aceOpportunities: number;
  awsAccountIds: string[];
  members: CompanyMember[];
}

/**
 * A domain given under more distinct names than this is not one company's (a reseller's,
 * a hosting platform's, the partner's own typed in by mistake): it glues nothing.
 */
export const MAX_NAMES_PER_DOMAIN = 20;
/**
 * A name, AWS account or Odoo partner seen with more distinct company domains than this
 * identifies no single company (`hospital`, `unknown`): it glues nothing.
 */
export const MAX_DOMAINS_PER_KEY = 5;

/**
 * In this order; each later key sees the companies the earlier ones formed. The name goes
 * before the AWS account: when an opportunity's exact name points to one company and its
 * account to another, the account is the likelier mistake (validation's "one AWS account
 * id, two different companies"), while a typo'd name still reaches its company by account.
 */
const GLUE_KEYS: ((r: OpportunityIdentity) => string | number | null)[] = [
  (r) => r.partnerId,
  (r) => r.nameNormalized,
  (r) => r.awsAccountId,
];

const refOf = (r: CompanyMember) => `${r.source}:${r.sourceId}`;
const byRef = (a: CompanyMember, b: CompanyMember) =>
  a.source === b.source ? compareIds(a.sourceId, b.sourceId) : a.source < b.source ? -1 : 1;
// Odoo ids are numbers in text: 9 before 10.
const compareIds = (a: string, b: string) =>
  a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;

/**
 * Groups opportunities of both sources into companies:
 * 1. A registrable domain is a company: every opportunity with it is in that company
 *    (unless the domain is given under more than MAX_NAMES_PER_DOMAIN names).
 * 2. The Odoo commercial partner, then the normalised name, then the AWS account id glue
 *    further opportunities on: all of a key's opportunities join one company when they
 *    span at most one domain; when they span two or more, only those without a domain are
 *    grouped (the key is ambiguous, it does not pick a side); beyond MAX_DOMAINS_PER_KEY
 *    the key is generic and glues nothing.
 * 3. Two companies that each own a domain are never merged, whatever chain of keys links
 *    them. Counts of records never decide: a big customer with 500 opportunities on one
 *    domain is one company.
 * Opportunities without domain, partner, account or name belong to no company.
 * The result does not depend on the order of `records`.
 */
export function clusterCompanies(records: OpportunityIdentity[]): CompanyCluster[] {
  const sorted = [...records].sort(byRef);
  const generic = genericDomains(sorted);
  const domainOf = (r: OpportunityIdentity) =>
    r.domain !== null && !generic.has(r.domain) ? r.domain : null;
  const sets = new LabelledUnionFind(sorted.map(domainOf));

  for (const members of groupIndices(sorted, domainOf).values()) joinAll(sets, members);
  // Keys come in the order of their first record, which `sorted` fixes.
  for (const keyOf of GLUE_KEYS) {
    for (const members of groupIndices(sorted, keyOf).values()) glue(sets, members);
  }

  const byRoot = groupIndices(sorted, (_, i) => sets.find(i));
  const clusters = [...byRoot.values()]
    .map((indices) =>
      toCluster(
        indices.map((i) => sorted[i]),
        sets.label(indices[0]),
      ),
    )
    .filter((cluster): cluster is CompanyCluster => cluster !== null);
  return uniqueKeys(clusters);
}

function genericDomains(records: OpportunityIdentity[]): Set<string> {
  const names = new Map<string, Set<string>>();
  for (const { domain, nameNormalized } of records) {
    if (domain === null || nameNormalized === null) continue;
    const seen = names.get(domain);
    if (seen) seen.add(nameNormalized);
    else names.set(domain, new Set([nameNormalized]));
  }
  const generic = new Set<string>();
  for (const [domain, seen] of names) if (seen.size > MAX_NAMES_PER_DOMAIN) generic.add(domain);
  return generic;
}

function groupIndices<K>(
  records: OpportunityIdentity[],
  keyOf: (r: OpportunityIdentity, i: number) => K | null,
): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  records.forEach((record, i) => {
    const key = keyOf(record, i);
    if (key === null) return;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  return groups;
}

function joinAll(sets: LabelledUnionFind, members: number[]): void {
  for (const i of members.slice(1)) sets.union(members[0], i);
}

/** One glue key's opportunities: see clusterCompanies, step 2. */
function glue(sets: LabelledUnionFind, members: number[]): void {
  if (members.length < 2) return;
  const domains = new Set(members.map((i) => sets.label(i)).filter((d) => d !== null));
  if (domains.size > MAX_DOMAINS_PER_KEY) return;
  joinAll(sets, domains.size <= 1 ? members : members.filter((i) => sets.label(i) === null));
}

function toCluster(members: OpportunityIdentity[], domain: string | null): CompanyCluster | null {
  // Odoo's names come from the partner's own master data; ACE's are typed per opportunity.
  const odoo = members.filter((m) => m.source === 'odoo');
  const named = (odoo.some((m) => m.nameNormalized !== null) ? odoo : members).filter(
    (m) => m.nameNormalized !== null,
  );
  const nameNormalized = mostFrequent(
    named.map((m) => ({ value: m.nameNormalized, at: m.modifiedMs })),
  );
  const displayName = mostFrequent(
    named
      .filter((m) => m.nameNormalized === nameNormalized)
      .map((m) => ({ value: m.customerName, at: m.modifiedMs })),
  );
  const awsAccountIds = [...new Set(members.map((m) => m.awsAccountId))]
    .filter((id): id is string => id !== null)
    .sort();
  const partnerIds = [...new Set(members.map((m) => m.partnerId))]
    .filter((id): id is number => id !== null)
    .sort((a, b) => a - b);
  const key =
    (domain && `domain:${domain}`) ??
    (nameNormalized && `name:${nameNormalized}`) ??
    (awsAccountIds.length ? `aws:${awsAccountIds[0]}` : null) ??
    (partnerIds.length ? `odoo-partner:${partnerIds[0]}` : null);
  if (key === null) return null;
  const countries = new Set(members.map((m) => m.countryCode).filter((c) => c !== null));
  return {
    key,
    displayName,
    nameNormalized,
    domain,
    countryCode: countries.size === 1 ? [...countries][0] : null,
    odooOpportunities: odoo.length,
    aceOpportunities: members.length - odoo.length,
    awsAccountIds,
    members: members.map(({ source, sourceId }) => ({ source, sourceId })),
  };
}

/**
 * Two companies can want one key (a generic name glues nothing, so each of its
 * opportunities is a company of that name): the one with the smallest member keeps it, the
 * others add their smallest member (`name:unknown#odoo:42`).
 */
function uniqueKeys(clusters: CompanyCluster[]): CompanyCluster[] {
  const ordered = [...clusters].sort((a, b) =>
    a.key === b.key ? byRef(a.members[0], b.members[0]) : a.key < b.key ? -1 : 1,
  );
  return ordered.map((cluster, i) =>
    i > 0 && ordered[i - 1].key === cluster.key
      ? { ...cluster, key: `${cluster.key}#${refOf(cluster.members[0])}` }
      : cluster,
  );
}
