import { ApiProperty } from '@nestjs/swagger';
import { MATCH_DECIMALS, roundTo } from '@revops/core';
import type { PairComparison } from '../compare.service';
import type { MatchRow, MatchStatus } from '../matches.repository';
import type { MatchStats } from '../review/match-stats';
import type { MatchListRow, RecordSummaryRow } from '../review.repository';
import type { MatchExplanation } from '../scoring/scored-pair';

const rounded = (x: number): number => roundTo(x, MATCH_DECIMALS);

/**
 * The score as sent: the sum of the weights as sent, so a waterfall drawn from them ends
 * exactly at the score shown (it differs from the stored score by rounding only).
 */
export const scoreOf = (explanation: MatchExplanationDto): number =>
  rounded(explanation.contributions.reduce((sum, line) => sum + line.weight, 0));

/** One line of the waterfall: a signal and the log-odds it adds. */
export class ContributionDto {
  /** `prior` (log-odds before any evidence), a comparison (`name`, `domain`, `amount`…) or `otherDeal`. */
  comparison: string;
  /** The comparison's outcome, e.g. `exact`, `fuzzy`, `different`; null for the prior. */
  level: string | null;
  /** What was compared, as shown to a reviewer; an email or phone is masked for analysts. */
  @ApiProperty({ anyOf: [{ type: 'string', nullable: true }, { type: 'number' }] })
  value: string | number | null;
  /** P(level | same deal). */
  m: number | null;
  /** P(level | different deals), after term-frequency adjustment. */
  u: number | null;
  /** The level's own u, when a rare or common shared value replaced it. */
  uLevel?: number;
  /** The shared value whose frequency replaced u (an email or phone masked for analysts). */
  tfValue?: string;
  /** Log-odds added, ln(m / u): the weights sum to the score, in order. */
  weight: number;
}

/** Why a pair scored as it did. */
export class MatchExplanationDto {
  /** The matching model version that scored it (null: the shipped default). */
  modelVersion: number | null;
  contributions: ContributionDto[];
  /** The candidate rules that found the pair (none: linked by hand without being one). */
  foundBy: string[];
}

/** A match as the API sends it: mapped field by field, so a table change never leaks out. */
export class MatchDto {
  id: string;
  odooId: string;
  aceId: string;
  status: MatchStatus;
  /** P(same deal), 0…1. */
  probability: number;
  /** Log-odds: the sum of the explanation's weights. */
  score: number;
  explanation: MatchExplanationDto;
  /** The matching model version that scored it (null: the shipped default). */
  modelVersion: number | null;
  /** The optimistic lock: send it back with a decision. */
  version: number;
  /** The matching run that proposed it; null when linked by hand. */
  runId: string | null;
  decidedBy: string | null;
  /** ISO 8601 timestamp. */
  decidedAt: string | null;
  note: string | null;
  /** ISO 8601 timestamp. */
  createdAt: string;
  /** ISO 8601 timestamp. */
  updatedAt: string;
}

/** One side of a match at a glance, as CORE has it now. */
export class MatchRecordSummaryDto {
  /** Odoo: the lead's name; ACE: the opportunity's title. */
  title: string | null;
  /** The customer's company name. */
  customer: string | null;
  /** The stage as the source names it, e.g. `Qualified` (Odoo) or `Launched` (ACE). */
  stage: string | null;
  /** The deal's total in `currency`: Odoo's expected revenue; ACE's expected total spend (monthly spend × contract months). */
  amount: number | null;
  currency: string | null;
  /** YYYY-MM-DD: Odoo's expected closing, ACE's target close date. */
  closeDate: string | null;
}

/** A match in the list: the match, and both opportunities at a glance, read with it. */
export class MatchListItemDto extends MatchDto {
  /** The Odoo lead; null when it is gone from CORE. */
  odoo: MatchRecordSummaryDto | null;
  /** The ACE opportunity; null when it is gone from CORE. */
  ace: MatchRecordSummaryDto | null;
}

export class MatchPageDto {
  items: MatchListItemDto[];
  /** The cursor of the next page; null on the last one. */
  nextCursor: string | null;
}

/** A match and both opportunities side by side, as CORE has them now. */
export class MatchDetailDto {
  match: MatchDto;
  /** The Odoo lead (odooId, name, customer, domain, country, stage, expectedRevenue, closeDate…); null when gone. Contact fields are masked for analysts. */
  odoo: Record<string, unknown> | null;
  /** The ACE opportunity (aceId, title, customer, domain, country, stage, expectedRevenue, closeDate…); null when gone. */
  ace: Record<string, unknown> | null;
}

/** How many matches have each status: every status, zero included. */
export class MatchStatusCountsDto {
  proposed: number;
  auto_linked: number;
  approved: number;
  rejected: number;
  superseded: number;
}

/** One bar of the probability histogram: the matches with `from` ≤ probability < `to` (the last bar also holds 1). */
export class MatchProbabilityBinDto {
  from: number;
  to: number;
  total: number;
  byStatus: MatchStatusCountsDto;
}

/** Every match counted, for the dashboard: by status, and by probability in bins of 0.1. */
export class MatchStatsDto {
  /** Every match, whatever its status: the sum of `byStatus`, and of the bins' `total`. */
  total: number;
  byStatus: MatchStatusCountsDto;
  /** Ten bins, [0, 0.1) … [0.9, 1], by the probability as the API sends it (rounded to 4 decimals). */
  probabilityBins: MatchProbabilityBinDto[];
}

export class MatchThresholdsDto {
  /** A run links a pair at or above this probability without review. */
  autoLinkAt: number;
  /** A run proposes a pair for review at or above this probability. */
  reviewAt: number;
}

/** "Why (not)?" for any pair: its waterfall with the current model, and what a run would make of it. */
export class PairComparisonDto {
  aceId: string;
  odooId: string;
  /** Log-odds: the sum of the explanation's weights. */
  score: number;
  probability: number;
  explanation: MatchExplanationDto;
  /** Whether a run scores this pair at all: a candidate rule finds it. */
  candidate: boolean;
  /** What a run would make of it on its own (before one-to-one and analysts' decisions). */
  wouldBe: 'auto_linked' | 'proposed' | 'discarded';
  thresholds: MatchThresholdsDto;
}

/** The model runs score with. */
export class MatchingModelDto {
  /** null: the shipped default, never trained. */
  version: number | null;
  trainedBy: string | null;
  /** ISO 8601 timestamp; null for the shipped default. */
  createdAt: string | null;
  /** What the training saw and measured; null for the shipped default. */
  summary: Record<string, unknown> | null;
  /** λ, and m and u of each level of each comparison. */
  parameters: Record<string, unknown>;
}

/** An opportunity matching leaves out on purpose. */
export class UnmatchableDto {
  source: string;
  sourceId: string;
  /** Why, e.g. `redacted`. */
  reason: string;
  /** ISO 8601 timestamp. */
  since: string;
}

/** Every unmatchable opportunity, on one page. */
export class UnmatchablePageDto {
  items: UnmatchableDto[];
  /** Always null: the list is short and sent whole. */
  nextCursor: string | null;
}

export function explanationDto(explanation: MatchExplanation): MatchExplanationDto {
  return {
    modelVersion: explanation.modelVersion,
    contributions: explanation.contributions.map((line) => ({
      ...line,
      m: line.m === null ? null : rounded(line.m),
      u: line.u === null ? null : rounded(line.u),
      ...(line.uLevel === undefined ? {} : { uLevel: rounded(line.uLevel) }),
      weight: rounded(line.weight),
    })),
    foundBy: [...explanation.foundBy],
  };
}

export function toMatchDto(row: MatchRow): MatchDto {
  const explanation = explanationDto(row.explanation);
  return {
    id: row.id,
    odooId: row.odooId,
    aceId: row.aceId,
    status: row.status,
    probability: rounded(row.probability),
    score: scoreOf(explanation),
    explanation,
    modelVersion: row.modelVersion,
    version: row.version,
    runId: row.jobRunId,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    note: row.note,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toSummaryDto(row: RecordSummaryRow | null): MatchRecordSummaryDto | null {
  if (!row) return null;
  return {
    title: row.title,
    customer: row.customer,
    stage: row.stage,
    amount: row.amount,
    currency: row.currency,
    closeDate: row.closeDate,
  };
}

export function toMatchListItemDto(row: MatchListRow): MatchListItemDto {
  return { ...toMatchDto(row), odoo: toSummaryDto(row.odoo), ace: toSummaryDto(row.ace) };
}

export function toMatchStatsDto(stats: MatchStats): MatchStatsDto {
  return {
    total: stats.total,
    byStatus: { ...stats.byStatus },
    probabilityBins: stats.probabilityBins.map((bin) => ({
      ...bin,
      byStatus: { ...bin.byStatus },
    })),
  };
}

export function toPairComparisonDto(pair: PairComparison): PairComparisonDto {
  const explanation = explanationDto(pair.explanation);
  return { ...pair, score: scoreOf(explanation), probability: rounded(pair.probability), explanation }; // prettier-ignore
}
