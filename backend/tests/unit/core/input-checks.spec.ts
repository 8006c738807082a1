import { plainToInstance, Transform } from 'class-transformer';
import { IsNumber, IsOptional, validateSync } from 'class-validator';
import {
  checkRequestValue,
  ID_PATTERN,
  InvalidInputException,
  NotBelow,
  ODOO_ID_PATTERN,
  toDecimal,
  toQueryList,
} from '@revops/core';

class Range {
  @IsOptional()
  @Transform(toDecimal)
  @IsNumber({}, { message: 'low must be a number' })
  low?: number;

  @IsOptional()
  @Transform(toDecimal)
  @IsNumber({}, { message: 'high must be a number' })
  @NotBelow('low', 'high must not be below low')
  high?: number;
}

const problems = (query: Record<string, unknown>) =>
  validateSync(plainToInstance(Range, query)).flatMap((e) => Object.values(e.constraints ?? {}));

describe('request input checks', () => {
  it('refuses a NUL character anywhere, naming the field, and nesting past 32 levels', () => {
    const fieldsOf = (value: unknown) => {
      try {
        checkRequestValue(value, '');
        return [];
      } catch (error) {
        return (error as InvalidInputException).fields;
      }
    };
    expect(fieldsOf({ a: { b: ['ok', 'x\u0000'] } })).toEqual([
      { field: 'a.b.1', problems: ['a.b.1 must not contain a NUL character'] },
    ]);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(() => checkRequestValue({ note: deep }, '')).toThrow(InvalidInputException);
    let fine: unknown = 'leaf';
    for (let i = 0; i < 30; i++) fine = [fine];
    expect(() => checkRequestValue({ note: fine, q: 'crm' }, '')).not.toThrow();
    expect(() => checkRequestValue('12\u0000', 'id')).toThrow(InvalidInputException);
  });

  it('reads only plain decimals as numbers, and refuses an inverted range', () => {
    expect(problems({ low: '1.5', high: '2' })).toEqual([]);
    for (const bad of ['', ' ', '0x10', '1e3', 'Infinity']) {
      expect(problems({ low: bad })).toEqual(['low must be a number']);
    }
    expect(problems({ low: 5, high: 4 })).toEqual(['high must not be below low']);
    expect(problems({ low: 5, high: 5 })).toEqual([]);
    // A bad lower end is reported once, by its own check.
    expect(problems({ low: 'abc', high: 4 })).toEqual(['low must be a number']);
    expect(toQueryList({ value: 'a, b,' })).toEqual(['a', 'b', '']);
  });

  it('takes ids that fit bigint, and Odoo keys that fit int4 (negative ones too)', () => {
    expect(['1', '123456789012345678'].every((id) => ID_PATTERN.test(id))).toBe(true);
    for (const id of ['0', '1.5', '-1', '9223372036854775808', '01', ' 1']) {
      expect([id, ID_PATTERN.test(id)]).toEqual([id, false]);
    }
    expect(['7', '-12', '999999999'].every((id) => ODOO_ID_PATTERN.test(id))).toBe(true);
    expect(['1000000000', '1.5', '-0'].some((id) => ODOO_ID_PATTERN.test(id))).toBe(false);
  });
});
