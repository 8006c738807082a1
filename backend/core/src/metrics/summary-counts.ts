/**
 * The numeric fields of a run's summary, nested ones as dotted paths
 * (`{ quarantined: { odooOpportunities: 2 } }` → `quarantined.odooOpportunities`).
 * Strings, booleans, arrays and non-finite numbers are not counts and are left out.
 */
export function summaryCounts(summary: object, prefix = '', depth = 0): Record<string, number> {
  const counts: Record<string, number> = {};
  if (depth > 3) return counts;
  for (const [key, value] of Object.entries(summary)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'number' && Number.isFinite(value)) counts[path] = value;
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      Object.assign(counts, summaryCounts(value as object, path, depth + 1));
    }
  }
  return counts;
}
