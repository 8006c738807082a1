/** Candidate keys: how a pair was found (blocking). A pair found by several has them all. */
export const CANDIDATE_KEYS = [
  'reference', // ACE PartnerOpportunityIdentifier = the Odoo lead id
  'domain', // the same registrable web domain
  'company', // the same CORE company (domain, Odoo partner, normalised name or AWS account)
  'account', // the Odoo lead's company is known to own the ACE opportunity's AWS account
  'name', // normalised customer names alike (trigram similarity)
  'vector', // the ACE opportunity's text among the Odoo lead's nearest (or the reverse)
] as const;
export type CandidateKey = (typeof CANDIDATE_KEYS)[number];

/** What scoring knows of one Odoo ↔ ACE pair: both sides' fields the signals compare. */
export interface PairFeatures {
  aceId: string;
  odooId: string;
  foundBy: CandidateKey[];
  /** ACE PartnerOpportunityIdentifier as given (trimmed), or null. */
  partnerReference: string | null;
  /** pg_trgm similarity of the normalised customer names (0–1); null when one is missing. */
  nameSimilarity: number | null;
  aceDomain: string | null;
  odooDomain: string | null;
  aceAccount: string | null;
  /** AWS accounts of the Odoo lead's CORE company (learnt from its ACE opportunities). */
  odooAccounts: string[];
  aceCountry: string | null;
  odooCountry: string | null;
  /** YYYY-MM-DD */
  aceCloseDate: string | null;
  odooCloseDate: string | null;
  aceMonthlySpend: number | null;
  aceContractMonths: number | null;
  odooRevenue: number | null;
  /** Cosine similarity of the two opportunities' vectors (same model); null without both. */
  textSimilarity: number | null;
  aceStage: string | null;
  odooStage: string | null;
  odooWon: boolean;
  /** Lost in Odoo: archived with a lost reason, or a lost reason given. */
  odooLost: boolean;
}
