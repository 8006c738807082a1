import { Injectable, Logger } from '@nestjs/common';
import { actorOf, DomainException, maskOpportunity, masksContacts } from '@revops/core';
import type { Principal } from '@revops/core';
import { CompareService, PairComparison } from './compare.service';
import {
  MatchDetailDto,
  MatchDto,
  MatchListItemDto,
  MatchStatsDto,
  PairComparisonDto,
  toMatchDto,
  toMatchListItemDto,
  toMatchStatsDto,
  toPairComparisonDto,
  UnmatchableDto,
} from './dto/match.dto';
import { MATCH_STATUSES, MatchStatus } from './matches.repository';
import { withMaskedExplanation } from './review/mask-explanation';
import { matchStatsOf } from './review/match-stats';
import { MatchFilters, ReviewRepository, ReviewTransaction } from './review.repository';

/** What an analyst sends to decide a match (approve or reject). */
export interface Decision {
  /** The match's version as the analyst read it. */
  version: number;
  note?: string;
  /** Approve although a side is already linked elsewhere (one ACE deal, two leads). */
  allowMultiple?: boolean;
}

/** A link made by hand. */
export interface ManualLink {
  aceId: string;
  odooId: string;
  note?: string;
  allowMultiple?: boolean;
}

/** Statuses a decision may come from. */
const ALLOWED_FROM: Record<'approved' | 'rejected', MatchStatus[]> = {
  approved: ['proposed', 'auto_linked', 'rejected'],
  rejected: ['proposed', 'auto_linked', 'approved'],
};

/**
 * The review rules: a decision names the version it was made on (stale: conflict), moves
 * between allowed statuses only, and links one ACE opportunity to one Odoo lead unless
 * told otherwise. Every decision and link by hand is audited with its change event, in
 * one transaction. Decisions are the labels the next training learns from.
 */
@Injectable()
export class ReviewService {
  private readonly logger = new Logger(ReviewService.name);

  constructor(
    private readonly review: ReviewRepository,
    private readonly comparisons: CompareService,
  ) {}

  /**
   * Matches with both records at a glance (names, stage, amount, close date: no contact);
   * the explanations' contact values masked for a caller who does not see contacts.
   */
  async list(filters: MatchFilters, principal: Principal | undefined): Promise<MatchListItemDto[]> {
    const mask = masksContacts(principal);
    const rows = await this.review.list(filters);
    return rows.map((row) => withMaskedExplanation(toMatchListItemDto(row), mask));
  }

  /** Every match counted by status and by probability bin, for the dashboard. */
  async stats(): Promise<MatchStatsDto> {
    return toMatchStatsDto(matchStatsOf(MATCH_STATUSES, await this.review.countsByStatusAndBin()));
  }

  /**
   * The match, and both opportunities as CORE has them now (null when gone); for a caller
   * who does not see contacts (masksContacts), their contact names, emails and phones, and
   * the explanation's contact values, masked.
   */
  async get(id: string, principal: Principal | undefined): Promise<MatchDetailDto> {
    const match = await this.review.find(id);
    if (!match) throw new DomainException('not_found', `No match ${id}`, { id });
    const { odoo, ace } = await this.review.records(match.odooId, match.aceId);
    const mask = masksContacts(principal);
    const shown = (record: Record<string, unknown> | null) =>
      record && mask ? maskOpportunity(record) : record;
    return {
      match: withMaskedExplanation(toMatchDto(match), mask),
      odoo: shown(odoo),
      ace: shown(ace),
    };
  }

  unmatchable(): Promise<UnmatchableDto[]> {
    return this.review.unmatchable();
  }

  /** An approval or rejection, with optimistic locking (the row is locked while deciding). */
  async decide(
    id: string,
    to: 'approved' | 'rejected',
    decision: Decision,
    principal: Principal,
  ): Promise<MatchDto> {
    const actor = actorOf(principal);
    this.logger.log({ msg: 'Match decision', id, to, actor });
    const decided = await this.review.transaction(async (tx) => {
      const row = await this.review.lock(tx, id);
      if (!row) throw new DomainException('not_found', `No match ${id}`, { id });
      if (row.version !== decision.version) {
        throw new DomainException(
          'conflict',
          `Match ${id} changed since you read it: it is at version ${row.version} (${row.status}), not ${decision.version}; reload it and decide again`,
          { id, version: row.version, status: row.status },
        );
      }
      if (!ALLOWED_FROM[to].includes(row.status)) {
        throw new DomainException('conflict', `Match ${id} is ${row.status}; it cannot become ${to}`, { id, status: row.status }); // prettier-ignore
      }
      if (to === 'approved' && !decision.allowMultiple) await this.assertUnlinked(tx, row);
      const updated = await this.review.setDecision(tx, { id, to, actor, note: decision.note ?? null }); // prettier-ignore
      await this.review.record(
        tx,
        {
          actor,
          action: to === 'approved' ? 'match.approve' : 'match.reject',
          matchId: id,
          details: {
            aceId: row.aceId,
            odooId: row.odooId,
            from: row.status,
            to,
            version: updated.version,
            probability: row.probability,
            note: decision.note ?? null,
            allowMultiple: decision.allowMultiple || undefined,
          },
        },
        { matchId: id, aceId: row.aceId, odooId: row.odooId, status: to, previousStatus: row.status }, // prettier-ignore
      );
      return updated;
    });
    return withMaskedExplanation(toMatchDto(decided), masksContacts(principal));
  }

  /**
   * Links a pair by hand: approved at once, scored and explained by the current model (the
   * waterfall says why a run did not link it). A live proposal of the same pair is approved
   * instead of duplicated. Conflict when either side is already linked, unless allowMultiple.
   * The match's explanation is masked as `get` masks it.
   */
  async link(
    link: ManualLink,
    principal: Principal,
  ): Promise<{ match: MatchDto; comparison: PairComparison }> {
    const actor = actorOf(principal);
    const comparison = await this.comparisons.compare(link.aceId, link.odooId);
    this.logger.log({ msg: 'Match linked by hand', aceId: link.aceId, odooId: link.odooId, actor });
    const match = await this.review.transaction(async (tx) => {
      await this.review.lockPair(tx, link.aceId, link.odooId);
      const existing = await this.review.livePair(tx, link.aceId, link.odooId);
      if (existing?.status === 'approved') {
        throw new DomainException('conflict', `ACE ${link.aceId} and Odoo ${link.odooId} are already linked (match ${existing.id})`, { linkedMatchId: existing.id }); // prettier-ignore
      }
      if (!link.allowMultiple) {
        await this.assertUnlinked(tx, { id: existing?.id ?? null, aceId: link.aceId, odooId: link.odooId }); // prettier-ignore
      }
      const note = link.note ?? null;
      const row = existing
        ? await this.review.setDecision(tx, { id: existing.id, to: 'approved', actor, note })
        : await this.review.insertApproved(tx, { ...comparison, explanation: comparison.explanation, actor, note }); // prettier-ignore
      await this.review.record(
        tx,
        {
          actor,
          action: 'match.link',
          matchId: row.id,
          details: {
            aceId: link.aceId,
            odooId: link.odooId,
            from: existing?.status ?? null,
            to: 'approved',
            probability: comparison.probability,
            candidate: comparison.candidate,
            note,
            allowMultiple: link.allowMultiple || undefined,
          },
        },
        { matchId: row.id, aceId: link.aceId, odooId: link.odooId, status: 'approved', previousStatus: existing?.status ?? null }, // prettier-ignore
      );
      return row;
    });
    const mask = masksContacts(principal);
    return { match: withMaskedExplanation(toMatchDto(match), mask), comparison };
  }

  /** Any pair's waterfall, its contact values masked as `get` masks them. */
  async compare(
    aceId: string,
    odooId: string,
    principal: Principal | undefined,
  ): Promise<PairComparisonDto> {
    const comparison = toPairComparisonDto(await this.comparisons.compare(aceId, odooId));
    return withMaskedExplanation(comparison, masksContacts(principal));
  }

  /** One ACE opportunity to one Odoo lead: conflict when either is linked elsewhere. */
  private async assertUnlinked(
    tx: ReviewTransaction,
    pair: { id: string | null; aceId: string; odooId: string },
  ): Promise<void> {
    const other = await this.review.linkedElsewhere(tx, pair);
    if (other) {
      throw new DomainException(
        'conflict',
        `ACE ${other.aceId} and Odoo ${other.odooId} are already linked (match ${other.id}); reject that match first, or link with allowMultiple: true`,
        { linkedMatchId: other.id },
      );
    }
  }
}
