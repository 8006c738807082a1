import {
  GetOpportunityCommand,
  ListOpportunitiesCommand,
  ListSolutionsCommand,
  OpportunitySummary,
  PartnerCentralSellingClient,
} from '@aws-sdk/client-partnercentral-selling';
import { Logger } from '@nestjs/common';
import { DomainException, withRetry } from '@revops/core';
import { RawTableSpec } from '../raw/raw-table-spec';
import {
  APN_TABLES,
  ApnRow,
  apnRowsFromOpportunities,
  ApnTable,
  instantOf,
  pageOfSortedRows,
  solutionRow,
  sortRows,
  toApiJson,
} from './apn-rows';
import { keyOf, PageRequest, SourceConnector } from './source-connector';

type Json = Record<string, unknown>;

export interface PartnerCentralConnectorOptions {
  catalog: 'AWS' | 'Sandbox';
  client?: PartnerCentralSellingClient;
  /** The Selling API lives in us-east-1. */
  region?: string;
  maxReadsPerSecond?: number;
  /** Tries per call when AWS throttles, the first included. */
  retryAttempts?: number;
  /** Clock, sleep and randomness of the rate limit and the backoff (tests pass fakes). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * A token bucket of one token refilled `perSecond` times a second: calls are spaced
 * evenly, so no window of one second ever holds more than `perSecond` of them.
 */
export class ReadRateLimiter {
  private tokens = 1;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {
    if (!(perSecond > 0)) throw new Error('maxReadsPerSecond must be positive');
    this.last = now();
  }

  async take(): Promise<void> {
    for (;;) {
      const now = this.now();
      this.tokens = Math.min(1, this.tokens + ((now - this.last) * this.perSecond) / 1000);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(Math.ceil(((1 - this.tokens) * 1000) / this.perSecond));
    }
  }
}

const errorName = (error: unknown): string | undefined =>
  (error as { name?: unknown } | null)?.name as string | undefined;

/** Throttling, and the server faults AWS documents as transient; never a client mistake. */
const worthRetrying = (error: unknown): boolean =>
  errorName(error) === 'ThrottlingException' ||
  errorName(error) === 'InternalServerException' ||
  (error as { $retryable?: { throttling?: boolean } } | null)?.$retryable?.throttling === true;

interface Snapshot {
  /** Opportunities modified at or after this (undefined: all of them). */
  from?: string;
  ids: string[];
}

/**
 * APN from the AWS Partner Central Selling API: ListOpportunities (by LastModifiedDate) then
 * GetOpportunity per id, ListSolutions for apn_solution. Within one sync (one instance)
 * each opportunity is fetched once and every table is served from those same responses.
 * Deletes of contacts, team members, links and accounts can only be seen in the full
 * record, so their key listing reads every opportunity (the unchanged ones once each).
 */
export class PartnerCentralConnector implements SourceConnector {
  readonly source = 'apn' as const;
  readonly description: string;
  private readonly logger = new Logger(PartnerCentralConnector.name);
  private readonly client: PartnerCentralSellingClient;
  private readonly catalog: string;
  private readonly limiter: ReadRateLimiter;
  private readonly retryAttempts: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  private readonly responses = new Map<string, Json>();
  private readonly snapshots: Snapshot[] = [];
  private readonly pageFrom = new Map<string, string | undefined>();
  private readonly sorted = new Map<string, ApnRow[]>();
  private summaries?: Promise<OpportunitySummary[]>;
  private solutions?: Promise<ApnRow[]>;

  constructor(options: PartnerCentralConnectorOptions) {
    const region = options.region ?? 'us-east-1';
    this.catalog = options.catalog;
    // Retries are ours (below), so they too wait for the rate limit.
    this.client = options.client ?? new PartnerCentralSellingClient({ region, maxAttempts: 1 });
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.retryAttempts = options.retryAttempts ?? 8;
    this.limiter = new ReadRateLimiter(
      options.maxReadsPerSecond ?? 10,
      options.now ?? Date.now,
      this.sleep,
    );
    this.description = `partner-central-api catalog ${options.catalog} region ${region}`;
  }

  async availableTables(tables: RawTableSpec[]): Promise<RawTableSpec[]> {
    // apn_solution needs ListSolutionsCommand, which this SDK version has.
    return tables.filter(
      (table) => table.source === 'apn' && (APN_TABLES as readonly string[]).includes(table.table),
    );
  }

  async readPage(table: RawTableSpec, page: PageRequest): Promise<Record<string, unknown>[]> {
    if (table.table === 'apn_solution') {
      // A solution has no modification time (its cursor is CreatedDate), so a status change
      // would never pass a `from`: every read serves them all; unchanged ones stay so.
      const rows = await this.cachedSort('apn_solution|all', table, page, () =>
        this.solutionRows(),
      );
      return pageOfSortedRows(rows, table, { ...page, from: undefined });
    }
    // An account row combines every opportunity naming it, so it needs all of them.
    let from: string | undefined;
    if (table.table !== 'apn_aws_account') {
      if (!page.after) this.pageFrom.set(table.table, page.from);
      from = this.pageFrom.has(table.table)
        ? this.pageFrom.get(table.table)
        : String(page.after?.[0] ?? '');
    }
    const rows = await this.cachedSort(`${table.table}|${from ?? 'all'}`, table, page, async () =>
      this.rowsOf(table, await this.opportunitiesFrom(from)),
    );
    return pageOfSortedRows(rows, table, page);
  }

  async readKeys(table: RawTableSpec): Promise<string[]> {
    if (table.table === 'apn_opportunity') {
      return (await this.allSummaries()).flatMap((summary) => (summary.Id ? [summary.Id] : []));
    }
    const rows =
      table.table === 'apn_solution'
        ? await this.solutionRows()
        : this.rowsOf(table, await this.opportunitiesFrom(undefined));
    return rows.map((row) => keyOf(row, table.primaryKey));
  }

  async close(): Promise<void> {
    this.responses.clear();
    this.snapshots.length = 0;
    this.pageFrom.clear();
    this.sorted.clear();
    this.summaries = undefined;
    this.solutions = undefined;
  }

  private rowsOf(table: RawTableSpec, opportunities: Json[]): ApnRow[] {
    return apnRowsFromOpportunities(opportunities)[table.table as ApnTable] ?? [];
  }

  private async cachedSort(
    key: string,
    table: RawTableSpec,
    page: PageRequest,
    rows: () => Promise<ApnRow[]>,
  ): Promise<ApnRow[]> {
    const cacheKey = `${key}|${page.order.join(',')}`;
    let sorted = this.sorted.get(cacheKey);
    if (!sorted) {
      sorted = sortRows(await rows(), table, page.order);
      this.sorted.set(cacheKey, sorted);
    }
    return sorted;
  }

  /**
   * The full records of the opportunities modified at or after `from` (all when
   * undefined), each fetched once per sync: a snapshot that already covers `from` serves it.
   */
  private async opportunitiesFrom(from: string | undefined): Promise<Json[]> {
    const start = from === undefined ? undefined : instantOf(from);
    if (start !== undefined && Number.isNaN(start)) {
      throw new DomainException('invalid_input', `"${from}" is not a timestamp to sync from`);
    }
    const modifiedSince = (response: Json): boolean =>
      start === undefined || instantOf(response.LastModifiedDate) >= start;
    const covering = this.snapshots.find(
      (snapshot) =>
        snapshot.from === undefined || (start !== undefined && instantOf(snapshot.from) <= start),
    );
    if (covering) {
      return covering.ids
        .map((id) => this.responses.get(id) as Json)
        .filter((response) => response && modifiedSince(response));
    }
    const began = Date.now();
    // AfterLastModifiedDate may be exclusive: ask from a second earlier, filter here.
    const summaries =
      start === undefined ? await this.allSummaries() : await this.listSummaries(start - 1000);
    let fetched = 0;
    const ids: string[] = [];
    for (const summary of summaries) {
      if (!summary.Id) continue;
      const known = this.responses.get(summary.Id);
      if (!known || instantOf(known.LastModifiedDate) !== instantOf(summary.LastModifiedDate)) {
        const response = await this.getOpportunity(summary.Id);
        fetched++;
        if (!response) continue;
        this.responses.set(summary.Id, response);
      }
      ids.push(summary.Id);
    }
    this.snapshots.push({ from, ids });
    this.logger.log({
      msg: 'Opportunities read from Partner Central',
      catalog: this.catalog,
      from: from ?? null,
      listed: summaries.length,
      fetched,
      durationMs: Date.now() - began,
    });
    return ids.map((id) => this.responses.get(id) as Json).filter(modifiedSince);
  }

  private allSummaries(): Promise<OpportunitySummary[]> {
    this.summaries ??= this.listSummaries(undefined).catch((error: unknown) => {
      this.summaries = undefined;
      throw error;
    });
    return this.summaries;
  }

  private async listSummaries(afterMs: number | undefined): Promise<OpportunitySummary[]> {
    const summaries: OpportunitySummary[] = [];
    let token: string | undefined;
    do {
      const input = {
        Catalog: this.catalog,
        MaxResults: 100,
        Sort: { SortBy: 'LastModifiedDate', SortOrder: 'ASCENDING' } as const,
        ...(afterMs === undefined
          ? {}
          : { LastModifiedDate: { AfterLastModifiedDate: new Date(afterMs) } }),
        ...(token ? { NextToken: token } : {}),
      };
      const page = await this.call(() => this.client.send(new ListOpportunitiesCommand(input)));
      summaries.push(...(page.OpportunitySummaries ?? []));
      token = page.NextToken ?? undefined;
    } while (token);
    return summaries;
  }

  private async getOpportunity(id: string): Promise<Json | undefined> {
    try {
      const response = await this.call(() =>
        this.client.send(new GetOpportunityCommand({ Catalog: this.catalog, Identifier: id })),
      );
      return toApiJson(response) as Json;
    } catch (error) {
      // Listed a moment ago, gone now: deleted in between; the key listing will say so.
      if (errorName(error) === 'ResourceNotFoundException') return undefined;
      throw error;
    }
  }

  private solutionRows(): Promise<ApnRow[]> {
    this.solutions ??= (async () => {
      const rows: ApnRow[] = [];
      let token: string | undefined;
      do {
        const input = { Catalog: this.catalog, MaxResults: 100, NextToken: token };
        const page = await this.call(() => this.client.send(new ListSolutionsCommand(input)));
        for (const summary of page.SolutionSummaries ?? []) {
          rows.push(solutionRow(toApiJson(summary) as Json));
        }
        token = page.NextToken ?? undefined;
      } while (token);
      return rows;
    })().catch((error: unknown) => {
      this.solutions = undefined;
      throw error;
    });
    return this.solutions;
  }

  /** One API read: waits for the rate limit, backs off exponentially with jitter. */
  private call<T>(send: () => Promise<T>): Promise<T> {
    return withRetry(
      async () => {
        await this.limiter.take();
        return send();
      },
      {
        attempts: this.retryAttempts,
        baseDelayMs: 500,
        maxDelayMs: 20_000,
        retryable: worthRetrying,
        sleep: this.sleep,
        random: this.random,
        onRetry: (error, attempt, delayMs) =>
          this.logger.warn({
            msg: 'Partner Central call failed; backing off',
            error: errorName(error),
            attempt,
            delayMs,
          }),
      },
    );
  }
}
