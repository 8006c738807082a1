import { mostFrequent } from './most-frequent';
import { similarNames } from './similar-names';
import { LabelledUnionFind } from './union-find';

/** Where an account id was seen: a live CORE ACE opportunity, or APN's list of accounts. */
export type AwsAccountSource = 'ace_opportunity' | 'apn_aws_account';

/** One record naming an AWS account, with the company it names it for. */
export interface AwsAccountReference {
  awsAccountId: string;
  source: AwsAccountSource;
  companyName: string | null;
  nameNormalized: string | null;
  domain: string | null;
  countryCode: string | null;
  createdMs: number | null;
  modifiedMs: number | null;
}

export interface AwsAccountSummary {
  awsAccountId: string;
  companyName: string | null;
  companyNameNormalized: string | null;
  domain: string | null;
  countryCode: string | null;
  /** One name per distinct company the references give, most referenced first. */
  companyNames: string[];
  distinctCompanies: number;
  sources: AwsAccountSource[];
  aceOpportunities: number;
  firstSeen: Date | null;
  lastSeen: Date | null;
}

const TWELVE_DIGITS = /^[0-9]{12}$/;

/** Only these become accounts: anything else is reported by validation, not guessed at. */
export const isAwsAccountId = (id: string | null | undefined): id is string =>
  id !== null && id !== undefined && TWELVE_DIGITS.test(id);

/**
 * One summary per well-formed account id, in id order. The company, domain and country are
 * those of the company most of the account's opportunities name (then the latest); APN's
 * account list speaks only for accounts no live opportunity names. First seen is the
 * earliest creation, last seen the latest modification, of any reference, as the source
 * dated them. Malformed ids are skipped.
 */
export function summarizeAwsAccounts(references: AwsAccountReference[]): AwsAccountSummary[] {
  const byAccount = new Map<string, AwsAccountReference[]>();
  for (const reference of references) {
    if (!isAwsAccountId(reference.awsAccountId)) continue;
    const group = byAccount.get(reference.awsAccountId);
    if (group) group.push(reference);
    else byAccount.set(reference.awsAccountId, [reference]);
  }
  return [...byAccount.keys()].sort().map((id) => summarize(id, byAccount.get(id) ?? []));
}

function summarize(awsAccountId: string, references: AwsAccountReference[]): AwsAccountSummary {
  const opportunities = references.filter((r) => r.source === 'ace_opportunity');
  const voters = opportunities.length > 0 ? opportunities : references;
  const companies = companiesOf(voters);
  const main = companies[0] ?? [];
  const nameNormalized = mostFrequent(
    main.map((r) => ({ value: r.nameNormalized, at: r.modifiedMs })),
  );
  const created = references.map((r) => r.createdMs ?? r.modifiedMs).filter(isNumber);
  const modified = references.map((r) => r.modifiedMs ?? r.createdMs).filter(isNumber);
  return {
    awsAccountId,
    companyName: displayName(main),
    companyNameNormalized: nameNormalized,
    domain: mostFrequent(main.map((r) => ({ value: r.domain, at: r.modifiedMs }))),
    countryCode: mostFrequent(main.map((r) => ({ value: r.countryCode, at: r.modifiedMs }))),
    companyNames: companies.map(displayName).filter((n): n is string => n !== null),
    distinctCompanies: companies.length,
    sources: [...new Set(references.map((r) => r.source))].sort(),
    aceOpportunities: opportunities.length,
    firstSeen: created.length ? new Date(created.reduce((a, b) => Math.min(a, b))) : null,
    lastSeen: modified.length ? new Date(modified.reduce((a, b) => Math.max(a, b))) : null,
  };
}

const isNumber = (n: number | null): n is number => n !== null;
const latest = (group: AwsAccountReference[]) =>
  group.reduce((at, r) => Math.max(at, r.modifiedMs ?? -Infinity), -Infinity);

/**
 * The distinct companies among one account's references, the most referenced first (then
 * the latest): references are one company when they share a domain or their names differ
 * by at most a typo. References with neither name nor domain name no company.
 */
function companiesOf(references: AwsAccountReference[]): AwsAccountReference[][] {
  const named = references.filter((r) => r.nameNormalized !== null || r.domain !== null);
  const sets = new LabelledUnionFind(named.map(() => null));
  const firstWithDomain = new Map<string, number>();
  const firstWithName = new Map<string, number>();
  const join = (firstWith: Map<string, number>, key: string | null, i: number) => {
    if (key === null) return;
    const first = firstWith.get(key);
    if (first === undefined) firstWith.set(key, i);
    else sets.union(first, i);
  };
  named.forEach((r, i) => {
    join(firstWithDomain, r.domain, i);
    join(firstWithName, r.nameNormalized, i);
  });
  // Typos: compare the distinct names, not every pair of references.
  const names = [...firstWithName];
  for (let a = 0; a < names.length; a++) {
    for (let b = a + 1; b < names.length; b++) {
      if (similarNames(names[a][0], names[b][0])) sets.union(names[a][1], names[b][1]);
    }
  }
  const groups = new Map<number, AwsAccountReference[]>();
  named.forEach((r, i) => {
    const root = sets.find(i);
    const group = groups.get(root);
    if (group) group.push(r);
    else groups.set(root, [r]);
  });
  return [...groups.values()].sort((a, b) => {
    if (a.length !== b.length || latest(a) !== latest(b)) {
      return b.length - a.length || latest(b) - latest(a);
    }
    const [na, nb] = [displayName(a) ?? '', displayName(b) ?? ''];
    return na < nb ? -1 : na > nb ? 1 : 0;
  });
}

/** The most frequent spelling of the most frequent normalised name, then the latest. */
function displayName(group: AwsAccountReference[]): string | null {
  const normalized = mostFrequent(
    group.map((r) => ({ value: r.nameNormalized, at: r.modifiedMs })),
  );
  return mostFrequent(
    group
      .filter((r) => r.nameNormalized === normalized)
      .map((r) => ({ value: r.companyName, at: r.modifiedMs })),
  );
}
