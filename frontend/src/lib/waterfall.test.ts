import { describe, expect, it } from 'vitest';
import { probabilityOf, waterfallSteps } from './waterfall';

describe('waterfallSteps', () => {
  it('starts each bar where the previous one ended and ends at the sum of the weights', () => {
    const steps = waterfallSteps([
      { comparison: 'prior', level: null, weight: -6.9078 },
      { comparison: 'name', level: 'exact', weight: 4.1 },
      { comparison: 'domain', level: 'different', weight: -1.2345 },
      { comparison: 'amount', level: 'close', weight: 0.1 },
    ]);
    expect(steps.map((step) => step.label)).toEqual(['Prior', 'name', 'domain', 'amount']);
    expect(steps[0]).toMatchObject({ start: 0, end: -6.9078 });
    for (let i = 1; i < steps.length; i += 1) expect(steps[i].start).toBe(steps[i - 1].end);
    // In ten-thousandths, so 0.1 + … shows no float drift.
    expect(steps.at(-1)!.end).toBe(-3.9423);
  });

  it('gives no bars for no contributions', () => {
    expect(waterfallSteps([])).toEqual([]);
  });
});

describe('probabilityOf', () => {
  it('maps log-odds to a probability', () => {
    expect(probabilityOf(0)).toBe(0.5);
    expect(probabilityOf(Math.log(9))).toBeCloseTo(0.9, 12);
  });
});
