/** What a rule looks at: one CORE table, the RAW table it came from, and its key. */
export type ValidatedEntity = 'odoo-opportunities' | 'ace-opportunities';

export type Severity = 'error' | 'warning';

/**
 * How a rule finds offending rows. Rules are data; the repository turns each kind into
 * one SQL statement over the entity's live rows.
 */
export type RuleCheck =
  /**
   * Every one of `columns` empty or missing (one is enough to pass); `unless` names a
   * boolean column that excuses the row (e.g. redacted for national security).
   */
  | { kind: 'required'; columns: string[]; unless?: string }
  /** Present but not matching a case-insensitive POSIX regular expression. */
  | { kind: 'format'; column: string; pattern: string }
  /** Present but not one of a list (ISO codes). */
  | { kind: 'member'; column: string; values: readonly string[] }
  /** Below `min` or above `max`. */
  | { kind: 'range'; column: string; min?: number; max?: number }
  /** A date before `earliest` or more than `yearsAhead` years from today. */
  | { kind: 'date-window'; column: string; earliest: string; yearsAhead: number }
  /** The source row references an id its source does not have (read from RAW). */
  | { kind: 'reference'; column: string; target: string }
  /**
   * Rows sharing a key: each group of 2…`maxGroup` is reported. A key shared by more rows
   * says nothing about duplicates (a generic phone number, a big company's domain).
   */
  | { kind: 'duplicate'; key: DuplicateKey; maxGroup: number }
  /**
   * Rows whose `key` names a record of `table` that counts more than one company in
   * `companies` (the transformation decides what "different companies" means: another
   * domain, or a name more than a typo apart).
   */
  | { kind: 'conflict'; key: string; table: string; companies: string };

export type DuplicateKey =
  | { column: string }
  /** The part after @, webmail providers left out (they say nothing about the company). */
  | { emailDomainOf: string; ignore: readonly string[] }
  /** Digits only, at least 7 of them. */
  | { phoneDigitsOf: string };

export interface ValidationRule {
  /** `<entity>.<kind>.<field>`: stable, used in results and holds. */
  id: string;
  entity: ValidatedEntity;
  severity: Severity;
  description: string;
  check: RuleCheck;
}
