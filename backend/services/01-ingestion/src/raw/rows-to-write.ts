import { escapeCopyText } from './copy-text';

/** A source row that passed its checks, ready to be written to RAW. */
export interface RawRowToWrite {
  key: string;
  /** The RAW columns, in table order, as a PostgreSQL COPY text line (UTF-8). */
  line: Buffer;
  /** Fields the source sent that the RAW table has no column for yet (kept, not lost). */
  extra: Record<string, unknown>;
  rowHash: string;
  /** Values by column name, typed for PostgreSQL: rows that came as objects have them. */
  values?: Record<string, unknown>;
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

/** Rows that came as objects (APIs, files, a drifted table): they keep their values. */
export class ObjectRows implements RowsToWrite {
  readonly keys: string[];

  constructor(readonly rows: RawRowToWrite[]) {
    this.keys = rows.map((row) => row.key);
  }

  copyText(syncRunId: string): Buffer {
    const run = `\t${syncRunId}\t`;
    // Most rows have no extra fields.
    const tails = this.rows.map((row) =>
      Object.keys(row.extra).length === 0
        ? `\t{}\n`
        : `\t${escapeCopyText(JSON.stringify(row.extra))}\n`,
    );
    let size = 0;
    this.rows.forEach((row, i) => {
      size += row.line.length + run.length + HASH_LENGTH + Buffer.byteLength(tails[i]);
    });
    const text = Buffer.allocUnsafe(size);
    let at = 0;
    this.rows.forEach((row, i) => {
      at += row.line.copy(text, at);
      at += text.write(run, at, 'latin1');
      at += text.write(row.rowHash, at, 'latin1');
      at += text.write(tails[i], at);
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
    const tail = `\t${syncRunId}\t`;
    const perRow = tail.length + HASH_LENGTH + '\t{}\n'.length;
    let size = this.keys.length * perRow;
    for (let i = 0; i < this.spans.length; i += 2) size += this.spans[i + 1] - this.spans[i];
    const text = Buffer.allocUnsafe(size);
    let at = 0;
    this.hashes.forEach((hash, row) => {
      at += this.page.copy(text, at, this.spans[2 * row], this.spans[2 * row + 1]);
      at += text.write(tail, at, 'latin1');
      at += text.write(hash, at, 'latin1');
      at += text.write('\t{}\n', at, 'latin1');
    });
    return text;
  }
}
