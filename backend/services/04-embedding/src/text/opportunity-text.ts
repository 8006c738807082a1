import { createHash } from 'node:crypto';

/** The CORE fields that describe an opportunity to the embedding model. */
export interface OpportunityTextFields {
  title: string | null;
  customer: string | null;
  industry: string | null;
  country: string | null;
  stage: string | null;
  useCase: string | null;
  description: string | null;
}

/**
 * One template for both sources, so an Odoo lead and the ACE opportunity for the same
 * deal read alike: what the deal is first, then who, where, and the business problem.
 * Empty fields are left out rather than written as "unknown".
 */
export function opportunityText(fields: OpportunityTextFields): string {
  const lines = [
    fields.title,
    fields.customer && `Customer: ${fields.customer}`,
    fields.industry && `Industry: ${fields.industry}`,
    fields.country && `Country: ${fields.country}`,
    fields.useCase && `Use case: ${fields.useCase}`,
    fields.stage && `Stage: ${fields.stage}`,
    fields.description,
  ];
  return lines
    .filter((line): line is string => Boolean(line && line.trim()))
    .map((line) => line.trim())
    .join('\n');
}

/** Re-embed a row only when this changes. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
