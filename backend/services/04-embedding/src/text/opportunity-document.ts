import type { SourceOpportunity } from '../embeddings.repository';
import { countryName } from './country-name';
import { contentHash, opportunityText } from './opportunity-text';

/** A row of search.opportunity_documents: what a hit shows, filters on and embeds. */
export interface OpportunityDocument extends Omit<SourceOpportunity, 'useCase' | 'description'> {
  content: string;
  contentHash: string;
  /** Over every stored field: the document is rewritten only when this changes. */
  rowHash: string;
}

export function opportunityDocument(row: SourceOpportunity): OpportunityDocument {
  const { useCase, description, ...shown } = row;
  const content = opportunityText({
    title: row.title,
    customer: row.customer,
    industry: row.industry,
    country: countryName(row.countryCode),
    stage: row.stage,
    useCase,
    description,
  });
  const hash = contentHash(content);
  const rowHash = contentHash(JSON.stringify([...Object.values(shown), hash]));
  return { ...shown, content, contentHash: hash, rowHash };
}
