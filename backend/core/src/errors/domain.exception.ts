/**
 * Every error a service raises on purpose. Services throw these, never HttpException,
 * because scripts and event consumers call the same services. The code is mapped to an
 * HTTP status (or a retry decision) only at the edge: see `httpStatusFor`.
 */
export type DomainErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'dependency_unavailable';

export class DomainException extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Bad input, naming each failing field. */
export class InvalidInputException extends DomainException {
  constructor(
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super('invalid_input', message, { fields });
  }
}

export function httpStatusFor(code: DomainErrorCode): number {
  switch (code) {
    case 'invalid_input':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'dependency_unavailable':
      return 503;
  }
}
