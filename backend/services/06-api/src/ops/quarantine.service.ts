import { Injectable } from '@nestjs/common';
import {
  maskPayload,
  masksContacts,
  maskText,
  pageOf,
  QuarantineRepository,
  withoutServerPaths,
} from '@revops/core';
import type { Principal, QuarantinedRow } from '@revops/core';
import {
  QuarantinedRowDto,
  QuarantinePageDto,
  QuarantineStageName,
  QuarantineSummaryDto,
} from './quarantine.dto';

export interface QuarantineListFilters {
  stage?: QuarantineStageName;
  source?: string;
  sourceTable?: string;
  open?: boolean;
  limit: number;
  cursor?: string;
}

/** The quarantine browser: rows every stage set aside, contact details masked for analysts. */
@Injectable()
export class QuarantineService {
  constructor(private readonly quarantine: QuarantineRepository) {}

  /** Newest first. */
  async list(
    filters: QuarantineListFilters,
    principal: Principal | undefined,
  ): Promise<QuarantinePageDto> {
    const { cursor, limit, ...where } = filters;
    const rows = await this.quarantine.list({ ...where, limit: limit + 1, before: cursor });
    const mask = masksContacts(principal);
    return pageOf(
      rows.map((row) => toQuarantinedRow(row, mask)),
      limit,
      (last) => last.id,
    );
  }

  async summary(): Promise<QuarantineSummaryDto> {
    const counts = await this.quarantine.openCounts();
    return {
      open: counts.reduce((sum, count) => sum + count.open, 0),
      items: counts.map(({ stage, sourceTable, open }) => ({
        stage: stage as QuarantineStageName,
        sourceTable,
        open,
      })),
    };
  }
}

function toQuarantinedRow(row: QuarantinedRow, mask: boolean): QuarantinedRowDto {
  // Every stage keeps an object; anything else is shown under `value`, not dropped.
  const payload: Record<string, unknown> =
    row.payload && typeof row.payload === 'object' && !Array.isArray(row.payload)
      ? (row.payload as Record<string, unknown>)
      : { value: row.payload };
  const reason = withoutServerPaths(row.reason);
  return {
    id: row.id,
    stage: row.stage as QuarantineStageName,
    source: row.source,
    sourceTable: row.sourceTable,
    sourceKey: row.sourceKey,
    // A reason may quote the value it refused.
    reason: mask ? (maskText(reason) ?? '') : reason,
    payload: mask ? (maskPayload(payload, row.sourceTable) as Record<string, unknown>) : payload,
    runId: row.runId,
    quarantinedAt: new Date(row.quarantinedAt).toISOString(),
    resolvedAt: row.resolvedAt ? new Date(row.resolvedAt).toISOString() : null,
  };
}
