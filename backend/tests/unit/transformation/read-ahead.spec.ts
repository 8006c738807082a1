import { readAhead } from '@revops/transformation/read-ahead';

/** A source of `count` numbers that records what it was asked and whether it was closed. */
function recordingSource(count: number, failAt?: number) {
  const log: string[] = [];
  async function* numbers(): AsyncGenerator<number> {
    try {
      for (let n = 1; n <= count; n++) {
        log.push(`read ${n}`);
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (n === failAt) throw new Error(`read ${n} failed`);
        yield n;
      }
    } finally {
      log.push('closed');
    }
  }
  return { log, source: numbers() };
}

describe('readAhead', () => {
  it('yields every item in order, reading the next while the consumer works', async () => {
    const { log, source } = recordingSource(3);
    const seen: number[] = [];
    for await (const n of readAhead(source)) {
      seen.push(n);
      log.push(`use ${n}`);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(log).toEqual(['read 1', 'read 2', 'use 1', 'read 3', 'use 2', 'closed', 'use 3']);
  });

  it('closes the source when the consumer stops early', async () => {
    const { log, source } = recordingSource(5);
    for await (const n of readAhead(source)) {
      if (n === 2) break;
    }
    expect(log).toEqual(['read 1', 'read 2', 'read 3', 'closed']);
  });

  it('throws a failed read at the turn that needs it, not while the consumer works', async () => {
    const { log, source } = recordingSource(5, 2);
    const seen: number[] = [];
    await expect(async () => {
      for await (const n of readAhead(source)) {
        seen.push(n);
        await new Promise((resolve) => setTimeout(resolve, 20)); // the read fails meanwhile
      }
    }).rejects.toThrow('read 2 failed');
    expect(seen).toEqual([1]);
    expect(log).toEqual(['read 1', 'read 2', 'closed']);
  });
});
