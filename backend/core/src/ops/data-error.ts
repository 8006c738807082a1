/**
 * A database error about the data, not the database: SQLSTATE class 22 (data exception:
 * a value out of range, a bad date), 23 (integrity constraint) or 54 (a program limit a
 * value runs into: a text too long for a tsvector or an index row). The row is at fault;
 * anything else (a lost connection) fails the run as before, so an outage never
 * quarantines good rows.
 */
export function isDataError(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = String(e?.code ?? e?.driverError?.code ?? '');
  return ['22', '23', '54'].includes(code.slice(0, 2));
}
