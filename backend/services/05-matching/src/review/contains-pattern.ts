/**
 * A LIKE / ILIKE pattern (with `ESCAPE '\'`) that finds `text` anywhere in a value, taking
 * every character literally: a `%` or `_` a user types is a character, not a wildcard.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
