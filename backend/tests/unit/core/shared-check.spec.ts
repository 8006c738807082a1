import { SharedCheck } from '@revops/core/health/shared-check';

/** A check the test settles by hand, counting how often it was started. */
function manualCheck() {
  const state = { started: 0, settle: { resolve: () => {}, reject: (_: Error) => {} } };
  const attempt = () => {
    state.started++;
    return new Promise<void>((resolve, reject) => (state.settle = { resolve, reject }));
  };
  return { state, attempt };
}

describe('SharedCheck: one dependency check shared by concurrent probes', () => {
  it('lets probes arriving while a check runs share it, and checks again once it settled', async () => {
    const shared = new SharedCheck();
    const { state, attempt } = manualCheck();
    const probes = [shared.run(attempt), shared.run(attempt), shared.run(attempt)];
    expect(state.started).toBe(1);
    state.settle.resolve();
    await Promise.all(probes);
    await shared.run(async () => void state.started++);
    expect(state.started).toBe(2); // no reuse by default: the next probe asks again
  });

  it('gives every sharing probe the failure, and never reuses it', async () => {
    const shared = new SharedCheck(10_000, () => 0);
    const { state, attempt } = manualCheck();
    const probes = [shared.run(attempt), shared.run(attempt)];
    state.settle.reject(new Error('down'));
    for (const probe of probes) await expect(probe).rejects.toThrow('down');
    const again = shared.run(attempt);
    expect(state.started).toBe(2);
    state.settle.resolve();
    await again;
  });

  it('reuses a success for reuseSuccessMs, then checks again', async () => {
    let now = 1_000;
    const shared = new SharedCheck(10_000, () => now);
    let started = 0;
    const attempt = async () => void started++;
    await shared.run(attempt);
    now += 9_999;
    await shared.run(attempt);
    expect(started).toBe(1);
    now += 1;
    await shared.run(attempt);
    expect(started).toBe(2);
  });

  it('forgets a success once a later check fails', async () => {
    let now = 0;
    const shared = new SharedCheck(10, () => now);
    await shared.run(async () => undefined);
    now = 10;
    await expect(shared.run(() => Promise.reject(new Error('gone')))).rejects.toThrow('gone');
    let started = 0;
    await shared.run(async () => void started++);
    expect(started).toBe(1);
  });
});
