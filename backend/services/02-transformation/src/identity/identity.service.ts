import { Injectable, Logger } from '@nestjs/common';
import { normalizeCompanyName } from '../mapping/company-name';
import { companyDomain } from '../mapping/web-domain';
import { AwsAccountReference, isAwsAccountId, summarizeAwsAccounts } from './aws-accounts';
import { clusterCompanies, OpportunityIdentity } from './company-clusters';
import {
  AwsAccountReferenceRow,
  Changes,
  IdentityRepository,
  OpportunityIdentityRow,
} from './identity.repository';

export type { Changes } from './identity.repository';

/** Companies written, and the opportunity links written (a moved opportunity: updated). */
export type CompanyChanges = Changes & { links: Changes };

/**
 * core.aws_accounts and core.companies, rebuilt from the live CORE opportunities each run
 * and written only where they differ: a rerun without changes reports zeros, and an
 * opportunity deleted at its source drops out. Run after the opportunities are transformed.
 */
@Injectable()
export class IdentityService {
  private readonly logger = new Logger(IdentityService.name);

  constructor(private readonly repository: IdentityRepository) {}

  async transformAwsAccounts(jobRunId: string): Promise<Changes> {
    const started = Date.now();
    const references = (await this.repository.awsAccountReferences()).map(toAccountReference);
    const accounts = summarizeAwsAccounts(references);
    const changes = await this.repository.replaceAwsAccounts(accounts, jobRunId);
    this.logger.log({
      msg: 'AWS accounts rebuilt',
      jobRunId,
      accounts: accounts.length,
      ...changes,
      durationMs: Date.now() - started,
    });
    return changes;
  }

  async transformCompanies(jobRunId: string): Promise<CompanyChanges> {
    const started = Date.now();
    const opportunities = (await this.repository.opportunityIdentities()).map(toIdentity);
    const companies = clusterCompanies(opportunities);
    const { companies: changes, links } = await this.repository.replaceCompanies(
      companies,
      jobRunId,
    );
    this.logger.log({
      msg: 'Companies rebuilt',
      jobRunId,
      opportunities: opportunities.length,
      companies: companies.length,
      ...changes,
      links,
      durationMs: Date.now() - started,
    });
    return { ...changes, links };
  }
}

function toIdentity(row: OpportunityIdentityRow): OpportunityIdentity {
  return {
    source: row.source,
    sourceId: row.source_id,
    customerName: row.customer_name,
    nameNormalized: row.customer_name_normalized,
    domain: row.customer_domain,
    // A malformed id ties nothing together; validation reports it (ace.format.aws-account-id).
    awsAccountId: isAwsAccountId(row.aws_account_id) ? row.aws_account_id : null,
    partnerId: row.partner_id,
    countryCode: row.country_code,
    modifiedMs: row.modified_ms,
  };
}

/** APN's account list gives a name and a website as typed: normalised as CORE does it. */
function toAccountReference(row: AwsAccountReferenceRow): AwsAccountReference {
  const fromList = row.source === 'apn_aws_account';
  return {
    awsAccountId: row.aws_account_id,
    source: row.source,
    companyName: row.company_name,
    nameNormalized: fromList
      ? normalizeCompanyName(row.company_name)
      : row.customer_name_normalized,
    domain: fromList ? companyDomain([row.website_url]) : row.customer_domain,
    countryCode: row.country_code,
    createdMs: row.created_ms,
    modifiedMs: row.modified_ms,
  };
}
