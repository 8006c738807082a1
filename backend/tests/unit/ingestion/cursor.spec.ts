import { compareCursors, cursorOf, isResumable, overlapStart } from '@revops/ingestion/sync/cursor';
import { backoffDelay, isTransientError, withRetry } from '@revops/core';

describe('sync cursor', () => {
  it('orders like SQL row comparison on (write_date, id)', () => {
    expect(compareCursors(['2026-01-01 10:00:00', 5], ['2026-01-01 10:00:00', 7])).toBe(-1);
    expect(compareCursors(['2026-01-01 10:00:01', 1], ['2026-01-01 10:00:00', 9])).toBe(1);
    expect(compareCursors(['2026-01-01 10:00:00', 9], ['2026-01-01 10:00:00', 9])).toBe(0);
    // ids compare as numbers, not text
    expect(compareCursors(['t', 10], ['t', 9])).toBe(1);
  });

  it('reads the cursor columns of a row', () => {
    expect(
      cursorOf({ write_date: '2026-01-01 10:00:00', id: 3, x: 1 }, ['write_date', 'id']),
    ).toEqual(['2026-01-01 10:00:00', 3]);
  });

  it('starts an incremental read an overlap window earlier, in the source format', () => {
    expect(overlapStart(['2026-01-01 00:02:00', 3], 300)).toBe('2025-12-31 23:57:00');
    expect(overlapStart(['2026-01-01T00:02:00Z', 'O1'], 60)).toBe('2026-01-01T00:01:00.000Z');
    expect(overlapStart(['2026-01-01 00:02:00+00', 'O1'], 60)).toBe('2026-01-01T00:01:00.000Z');
    expect(() => overlapStart(['yesterday', 1], 60)).toThrow(/not a timestamp/);
  });
});

describe('retry with backoff', () => {
  it('retries transient errors with growing, jittered delays, then gives up', async () => {
    const delays: number[] = [];
    let calls = 0;
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    await expect(
      withRetry(
        async () => {
          calls++;
          throw refused;
        },
        {
          attempts: 4,
          baseDelayMs: 100,
          maxDelayMs: 250,
          retryable: isTransientError,
          sleep: async (ms) => void delays.push(ms),
          random: () => 0.999,
        },
      ),
    ).rejects.toBe(refused);
    expect(calls).toBe(4);
    expect(delays).toEqual([99, 199, 249]);
  });

  it('does not retry errors that are not transient', async () => {
    let calls = 0;
    const bad = Object.assign(new Error('syntax error'), { code: '42601' });
    await expect(
      withRetry(
        async () => {
          calls++;
          throw bad;
        },
        { attempts: 5, baseDelayMs: 1, maxDelayMs: 1, retryable: isTransientError },
      ),
    ).rejects.toBe(bad);
    expect(calls).toBe(1);
  });

  it('returns the first success', async () => {
    let calls = 0;
    const result = await withRetry(
      async () => {
        if (++calls < 3) throw Object.assign(new Error('reset'), { code: 'ECONNRESET' });
        return 'ok';
      },
      {
        attempts: 5,
        baseDelayMs: 1,
        maxDelayMs: 1,
        retryable: isTransientError,
        sleep: async () => {},
      },
    );
    expect([result, calls]).toEqual(['ok', 3]);
    expect(backoffDelay(10, 100, 1000, () => 0.5)).toBe(500);
  });
});

describe('resumable positions', () => {
  it('stores only positions that start with a real moment', () => {
    expect(isResumable(['2026-01-01 00:00:00', 4])).toBe(true);
    expect(isResumable(['2026-01-01T00:00:00Z', 'O1', 0])).toBe(true);
    expect(isResumable(['', 4])).toBe(false);
    expect(isResumable(['null', 4])).toBe(false);
  });
});
