import { escapeCopyText } from './copy-text';

/** A source row that came as an object and passed its checks, ready to be written to RAW. */
export interface RawRowToWrite {
  key: string;
  /** The RAW columns, in table order, as a PostgreSQL COPY text line (UTF-8). */
  line: Buffer;
  /** Fields the source sent that the RAW table has no column for yet (kept, not lost). */
  extra: Record<string, unknown>;
  rowHash: string;
  /** Values by column name, typed for PostgreSQL (PGlite's driver takes these, not COPY). */
  values: Record<string, unknown>;
}

/**
 * A batch's checked rows, as the repository writes them: each row's key, and every row as
 * one COPY text line of RAW's columns followed by `_sync_run_id`, `_row_hash` and `_extra`.
 */
export interface RowsToWrite {
  /** Each row's key (`a:b` when composite), no key twice. */
  readonly keys: string[];
  copyText(syncRunId: string): Buffer;
}

const HASH_LENGTH = 40; // SHA-1 in hex
const NO_EXTRA = '\t{}\n';

/**
 * Puts one row into `text` at `at`: its RAW columns (`source[from, to)`, a COPY line), then
 * `run` (the run id between tabs), its hash and its `_extra` field with the newline.
 * Returns where the next row starts.
 */
function putRow(
  text: Buffer,
  at: number,
  [source, from, to]: [Buffer, number, number],
  run: string,
  hash: string,
  extra: string,
): number {
  at += source.copy(text, at, from, to);
  at += text.write(run, at, 'latin1');
  at += text.write(hash, at, 'latin1');
  return at + text.write(extra, at);
}

/** Rows that came as objects (APIs, files, a drifted table): they keep their values. */
export class ObjectRows implements RowsToWrite {
  readonly keys: string[];

  constructor(readonly rows: RawRowToWrite[]) {
    this.keys = rows.map((row) => row.key);
  }

  copyText(syncRunId: string): Buffer {
    const run = `\t${syncRunId}\t`;
    const extras = this.rows.map((row) =>
      Object.keys(row.extra).length === 0
        ? NO_EXTRA
        : `\t${escapeCopyText(JSON.stringify(row.extra))}\n`,
    );
    let size = 0;
    this.rows.forEach((row, i) => {
      size += row.line.length + run.length + HASH_LENGTH + Buffer.byteLength(extras[i]);
    });
    const text = Buffer.allocUnsafe(size);
    let at = 0;
    this.rows.forEach(({ line, rowHash }, i) => {
      at = putRow(text, at, [line, 0, line.length], run, rowHash, extras[i]);
    });
    return text;
  }
}

/**
 * Lines of a COPY text page from a database source, left where they are in the page's
 * buffer: only where each line starts and ends, its key and its hash are kept. No row
 * becomes an object, and a source row has no extra fields (its columns match RAW's).
 */
export class CopyTextRows implements RowsToWrite {
  constructor(
    private readonly page: Buffer,
    /** Line i is `page[spans[2i], spans[2i + 1])`, without its newline. */
    private readonly spans: number[],
    readonly keys: string[],
    private readonly hashes: string[],
  ) {}

  copyText(syncRunId: string): Buffer {
    const run = `\t${syncRunId}\t`;
    let size = this.keys.length * (run.length + HASH_LENGTH + NO_EXTRA.length);
    for (let i = 0; i < this.spans.length; i += 2) size += this.spans[i + 1] - this.spans[i];
    const text = Buffer.allocUnsafe(size);
    let at = 0;
    this.hashes.forEach((hash, row) => {
      const line: [Buffer, number, number] = [
        this.page,
        this.spans[2 * row],
        this.spans[2 * row + 1],
      ];
      at = putRow(text, at, line, run, hash, NO_EXTRA);
    });
    return text;
  }
}
