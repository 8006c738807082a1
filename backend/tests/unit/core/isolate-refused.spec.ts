import { isDataError, writeIsolating } from '@revops/core';

/** A database that refuses any batch holding a value over 100, as PostgreSQL does (22003). */
function database() {
  const written: number[] = [];
  const write = async (values: number[]) => {
    if (values.some((v) => v > 100)) {
      throw Object.assign(new Error('integer out of range'), { code: '22003' });
    }
    written.push(...values);
  };
  return { written, write };
}

describe('writeIsolating', () => {
  it('writes every value but the refused ones, and hands each refused one over alone', async () => {
    const { written, write } = database();
    const refused: number[] = [];
    await writeIsolating([1, 2, 300, 4, 5, 600, 7], write, (value) => void refused.push(value));
    expect(written.sort((a, b) => a - b)).toEqual([1, 2, 4, 5, 7]);
    expect(refused).toEqual([300, 600]);
  });

  it('fails as before on an error that is not about the data', async () => {
    const down = Object.assign(new Error('connection terminated'), { code: '08006' });
    await expect(
      writeIsolating(
        [1, 2],
        () => Promise.reject(down),
        () => undefined,
      ),
    ).rejects.toBe(down);
  });

  it('counts data, constraint and program-limit errors as the data’s, through TypeORM too', () => {
    expect(isDataError({ code: '22P02' })).toBe(true);
    expect(isDataError({ code: '23505' })).toBe(true);
    expect(isDataError({ driverError: { code: '54000' } })).toBe(true);
    expect(isDataError({ code: '57014' })).toBe(false); // a cancelled statement
    expect(isDataError(new Error('no code'))).toBe(false);
  });
});
