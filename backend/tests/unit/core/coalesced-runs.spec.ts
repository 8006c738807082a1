import { CoalescedRuns, DomainException } from '@revops/core';

/** A run that finishes when told to, counting how many began. */
function controlledRun() {
  const finishers: (() => void)[] = [];
  let started = 0;
  const run = () =>
    new Promise<void>((resolve) => {
      started++;
      finishers.push(resolve);
    });
  const finishNext = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    finishers.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { run, finishNext, started: () => started };
}

describe('CoalescedRuns', () => {
  it('runs once for a request, and once more for all the requests made during a run', async () => {
    const { run, finishNext, started } = controlledRun();
    const runs = new CoalescedRuns(run);
    const first = runs.request();
    const during = [runs.request(), runs.request(), runs.request()];
    expect(started()).toBe(1);
    await finishNext();
    expect(started()).toBe(2); // one more, not three
    await finishNext();
    await Promise.all([first, ...during]);
    expect(started()).toBe(2);
    // Idle again: the next request starts a fresh run.
    const later = runs.request();
    expect(started()).toBe(3);
    await finishNext();
    await later;
  });

  it('tries again while another process holds the job, and gives up on any other error', async () => {
    let attempts = 0;
    const busyTwice = new CoalescedRuns(async () => {
      if (++attempts <= 2) throw new DomainException('conflict', 'already running');
    }, 1);
    await busyTwice.request();
    expect(attempts).toBe(3);

    const broken = new CoalescedRuns(async () => {
      throw new Error('database down');
    }, 1);
    await expect(broken.request()).rejects.toThrow('database down');
  });
});
