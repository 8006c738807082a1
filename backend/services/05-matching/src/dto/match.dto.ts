import type { MatchRow, MatchStatus } from '../matches.repository';
import type { MatchExplanation } from '../scoring/scored-pair';

/** A match as the API sends it: mapped field by field, so a table change never leaks out. */
export interface MatchDto {
  id: string;
  odooId: string;
  aceId: string;
  status: MatchStatus;
  probability: number;
  score: number;
  explanation: MatchExplanation;
  /** The matching model version that scored it (null: the shipped default). */
  modelVersion: number | null;
  /** The optimistic lock: send it back with a decision. */
  version: number;
  jobRunId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toMatchDto(row: MatchRow): MatchDto {
  return {
    id: row.id,
    odooId: row.odooId,
    aceId: row.aceId,
    status: row.status,
    probability: row.probability,
    score: row.score,
    explanation: row.explanation,
    modelVersion: row.modelVersion,
    version: row.version,
    jobRunId: row.jobRunId,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    note: row.note,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
