import { Matches, ValidateBy, ValidateIf } from 'class-validator';
import { FieldProblem, InvalidInputException } from './domain.exception';

/** Deeper than this, a request body is an attack, not an API payload. */
export const MAX_INPUT_DEPTH = 32;

/**
 * What no request value may hold, whatever its route: a NUL character (PostgreSQL text
 * cannot store it) or nesting deeper than MAX_INPUT_DEPTH (class-transformer would
 * overflow its stack). Walks `value` without recursion; throws naming each bad field.
 */
export function checkRequestValue(value: unknown, root: string): void {
  const problems: FieldProblem[] = [];
  const stack: [unknown, string, number][] = [[value, root, 0]];
  while (stack.length && problems.length < 10) {
    const [item, field, depth] = stack.pop() as [unknown, string, number];
    if (typeof item === 'string') {
      if (item.includes('\u0000')) {
        problems.push({ field, problems: [`${field} must not contain a NUL character`] });
      }
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      problems.push({ field, problems: [`${field} is nested deeper than ${MAX_INPUT_DEPTH} levels`] }); // prettier-ignore
      continue;
    }
    for (const [key, child] of Object.entries(item)) {
      const path = field ? `${field}.${key}` : key;
      if (key.includes('\u0000')) {
        problems.push({ field: path, problems: ['a field name must not contain a NUL character'] }); // prettier-ignore
        continue;
      }
      stack.push([child, path, depth + 1]);
    }
  }
  if (problems.length) throw new InvalidInputException('Request validation failed', problems);
}

/** A positive id that fits PostgreSQL's bigint: 1 to 18 digits, no sign, no point. */
export const ID_PATTERN = /^[1-9][0-9]{0,17}$/;

/** A run, match or page-cursor id (see ID_PATTERN); `message` says where ids come from. */
export function IsId(message: string): PropertyDecorator {
  return Matches(ID_PATTERN, { message });
}

/** An Odoo record's key in RAW and CORE: an int4, negative for one known by External ID. */
export const ODOO_ID_PATTERN = /^-?[1-9][0-9]{0,8}$/;

/** A calendar date, YYYY-MM-DD: the one date form every route takes. */
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Optional, but not null: a field left out takes its default, a field sent as null is
 * checked (and refused) like any other value. `@IsOptional()` lets null through.
 */
export function IsOptionalNotNull(): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined);
}

/**
 * A number in a query string, read strictly: only a plain decimal (`12`, `-3.5`) becomes a
 * number; anything else (`""`, `" "`, `0x10`, `1e3`) stays text, so the number check
 * refuses it. A JSON number in a body is taken as it is.
 */
export const toDecimal = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;

/** `a,b` in a query string, or a JSON array in a body; an empty item stays, to be refused. */
export const toQueryList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value;

/**
 * The upper end of a range: not below the field `lower` names when both are given as
 * values of one type (dates as YYYY-MM-DD compare as text, numbers as numbers).
 */
export function NotBelow(lower: string, message: string): PropertyDecorator {
  return ValidateBy({
    name: 'notBelow',
    validator: {
      validate: (value, args) => {
        const low = (args?.object as Record<string, unknown>)[lower];
        // Unless both ends are values of one type, each end's own check says what is wrong.
        if (typeof value !== typeof low || !['number', 'string'].includes(typeof value))
          return true;
        return (value as number | string) >= (low as number | string);
      },
      defaultMessage: () => message,
    },
  });
}

/** For a route that takes no query parameters: any one is refused, as on every route. */
export class NoQueryParameters {}

/** For a route that takes no body: any field (or a body that is no object) is refused. */
export class NoBody {}
