import { Injectable } from '@nestjs/common';
import {
  ignoreProgress,
  inputHashOf,
  ProgressListener,
  QuarantineRepository,
  SetAsideRow,
} from '@revops/core';
import { CandidateSet } from './blocking/blocking';
import { compareRecords, Observation } from './comparison/comparisons';
import { MatchingConfig } from './matching.config';
import { EmbeddingModel, MatchRecordsRepository } from './match-records.repository';
import { MatchContext, splitPairKey } from './records/match-context';
import { MatchRecord, MatchRecordRow, toMatchRecord } from './records/match-record';

/** The tables of matching's quarantined records. */
const ODOO_TABLE = 'core.odoo_opportunities';
const ACE_TABLE = 'core.ace_opportunities';

/** Pairs whose comparisons are read per step (text cosines come from the database). */
const OBSERVE_BATCH = 5000;

/**
 * The steps every matching job shares: load the live records, find candidate pairs, and
 * read pairs into comparison levels. Runs, training and "why not?" all go through here, so
 * they see a pair the same way.
 */
@Injectable()
export class MatchPairsService {
  constructor(
    private readonly config: MatchingConfig,
    private readonly records: MatchRecordsRepository,
    private readonly quarantine: QuarantineRepository,
  ) {}

  /**
   * Fresh planner statistics for the tables matching reads, before a job that reads them
   * all: right after a bulk load they may have none yet, and the vector and cosine queries
   * then take minutes instead of seconds.
   */
  refreshStatistics(): Promise<void> {
    return this.records.analyze();
  }

  /**
   * Every live record of both sources, normalised, with term frequencies and the index. A
   * record that cannot be read into a match record is left out and listed in `unreadable`
   * (a match run quarantines it); one quarantined before with this very input is left out
   * without being tried again, and one that reads now is listed in `recovered`.
   */
  async context(): Promise<{
    context: MatchContext;
    embedding: EmbeddingModel | null;
    unreadable: SetAsideRow[];
    recovered: { table: string; keys: string[] }[];
  }> {
    const [odooRows, aceRows, embedding] = await Promise.all([
      this.records.records('odoo'),
      this.records.records('ace'),
      this.records.embeddingModel(),
    ]);
    const unreadable: SetAsideRow[] = [];
    const recovered: { table: string; keys: string[] }[] = [];
    const read = async (rows: MatchRecordRow[], table: string) => {
      const waiting = await this.quarantine.waiting('matching', table);
      const records: MatchRecord[] = [];
      const back: string[] = [];
      for (const row of rows) {
        const inputHash = waiting.has(row.id) ? inputHashOf(row) : '';
        if (inputHash && waiting.get(row.id) === inputHash) continue;
        try {
          records.push(toMatchRecord(row));
          if (inputHash) back.push(row.id);
        } catch (error) {
          const reason = `cannot be read for matching: ${error instanceof Error ? error.message : String(error)}`; // prettier-ignore
          unreadable.push({ source: row.source, table, key: row.id, inputHash: inputHashOf(row), reason, payload: row }); // prettier-ignore
        }
      }
      recovered.push({ table, keys: back });
      return records;
    };
    const context = new MatchContext(
      await read(odooRows, ODOO_TABLE),
      await read(aceRows, ACE_TABLE),
      {
        maxKeyRecords: this.config.MATCH_MAX_KEY_RECORDS,
        nameCandidates: this.config.MATCH_NAME_CANDIDATES,
        maxWordRecords: this.config.MATCH_MAX_WORD_RECORDS,
      },
    );
    return { context, embedding, unreadable, recovered };
  }

  /**
   * Every candidate pair — or, with `focus`, the pairs of those records only: the in-memory
   * rules, plus vector neighbours from the model's index.
   */
  async candidates(
    context: MatchContext,
    embedding: EmbeddingModel | null,
    focus?: { source: 'ace' | 'odoo'; ids: string[] },
  ): Promise<CandidateSet> {
    const vectorPairs = embedding
      ? await this.records.vectorNeighbours(
          { side: focus?.source ?? 'ace', ids: focus?.ids ?? null },
          embedding,
          this.config.MATCH_VECTOR_NEIGHBOURS,
        )
      : [];
    return context.candidates(vectorPairs, focus);
  }

  /**
   * Each pair's comparisons, in `keys` order (`aceId:odooId`, both live in `context`).
   * `withText: false` skips the text cosines (a comparison left missing).
   */
  async observe(
    context: MatchContext,
    keys: string[],
    embedding: EmbeddingModel | null,
    { onProgress = ignoreProgress, withText = true }: { onProgress?: ProgressListener; withText?: boolean } = {}, // prettier-ignore
  ): Promise<Observation[][]> {
    const out: Observation[][] = [];
    for (let i = 0; i < keys.length; i += OBSERVE_BATCH) {
      const pairs = keys.slice(i, i + OBSERVE_BATCH).map(splitPairKey);
      const cosines = withText
        ? await this.records.textCosines(pairs, embedding)
        : pairs.map(() => null);
      pairs.forEach(({ aceId, odooId }, k) => {
        out.push(compareRecords(context.ace.get(aceId)!, context.odoo.get(odooId)!, cosines[k]));
      });
      onProgress({ stage: 'compare', item: 'pairs', done: out.length, total: keys.length });
    }
    return out;
  }
}
