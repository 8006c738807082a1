/**
 * A database error about the data (SQLSTATE class 22, data exception, or 23, integrity
 * constraint): the row is at fault, not the database. Anything else (a lost connection)
 * fails the run as before, so an outage never quarantines good rows.
 */
export function isDataError(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = String(e?.code ?? e?.driverError?.code ?? '');
  return code.startsWith('22') || code.startsWith('23');
}
