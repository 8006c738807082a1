const NUL = '\u0000';

/**
 * A row as it can be kept in ops.quarantine (jsonb), whichever stage quarantines it: NUL
 * bytes shown as U+FFFD and very long strings cut, saying how much was cut. The reason
 * already names the problem.
 */
export function quarantinePayload(value: unknown): unknown {
  if (typeof value === 'string') {
    const clean = value.split(NUL).join('\uFFFD');
    return clean.length > 10_000
      ? `${clean.slice(0, 10_000)}…[${clean.length - 10_000} more characters cut]`
      : clean;
  }
  if (Array.isArray(value)) return value.map(quarantinePayload);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, quarantinePayload(v)]));
  }
  return value;
}
