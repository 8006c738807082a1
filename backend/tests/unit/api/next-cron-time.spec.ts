import { nextCronTime } from '@revops/api/ops/next-cron-time';

/** A local time, as the scheduler reads cron expressions in the server's time zone. */
const local = (y: number, mo: number, d: number, h: number, mi: number, s = 0) =>
  new Date(y, mo - 1, d, h, mi, s);

describe('nextCronTime', () => {
  it('is the next time the expression fires, after the given one', () => {
    expect(nextCronTime('*/15 * * * *', local(2026, 12, 6, 10, 7, 30))).toEqual(
      local(2026, 12, 6, 10, 15),
    );
    expect(nextCronTime('30 2 * * *', local(2026, 12, 6, 10, 7))).toEqual(
      local(2026, 12, 7, 2, 30),
    );
    expect(nextCronTime('0 0 1 1 *', local(2026, 12, 31, 23, 59))).toEqual(local(2027, 1, 1, 0, 0));
  });

  it('reads six fields as seconds first, like the scheduler', () => {
    expect(nextCronTime('*/10 * * * * *', local(2026, 12, 6, 10, 7, 31))).toEqual(
      local(2026, 12, 6, 10, 7, 40),
    );
  });

  it('is null for an expression the cron package cannot read', () => {
    expect(nextCronTime('99 * * * *', local(2026, 12, 6, 10, 0))).toBeNull();
    expect(nextCronTime('often', local(2026, 12, 6, 10, 0))).toBeNull();
  });
});
