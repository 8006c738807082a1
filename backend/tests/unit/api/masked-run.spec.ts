import { maskRun } from '@revops/api/ops/masked-run';
import type { RunDto } from '@revops/core';

const run = (error: string | null, details: Record<string, unknown>): RunDto => ({
  id: '7',
  kind: 'transform',
  name: 'transform:ace-opportunities',
  status: 'failed',
  triggeredBy: 'api-key:ops',
  startedAt: '2026-03-01T10:00:00.000Z',
  finishedAt: '2026-03-01T10:00:01.000Z',
  durationMs: 1000,
  counts: { batches: 2 },
  error,
  details,
});

describe('maskRun', () => {
  it('masks emails and international phone numbers in the error and in details, at any depth', () => {
    const masked = maskRun(
      run('duplicate key: Key (email)=(ana@hospital.com) already exists', {
        failedRow: { key: 'ana@hospital.com', notes: ['call +55 11 5555 0142', 7] },
        batches: 2,
        ok: false,
      }),
    );
    expect(masked.error).toBe('duplicate key: Key (email)=(a***@hospital.com) already exists');
    expect(masked.details).toEqual({
      failedRow: { key: 'a***@hospital.com', notes: ['call +** ** **** **42', 7] },
      batches: 2,
      ok: false,
    });
  });

  it('leaves the rest of the run, a null error and its input as they are', () => {
    const input = run(null, { reason: 'busy' });
    const copy = structuredClone(input);
    expect(maskRun(input)).toEqual(copy);
    expect(input).toEqual(copy);
  });
});
