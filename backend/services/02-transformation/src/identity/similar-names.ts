/** Shorter normalised names are compared exactly: one letter apart is another word there. */
const MIN_FUZZY_LENGTH = 5;

/**
 * Whether two normalised company names are the same name typed twice: equal, or (both at
 * least five characters) one letter dropped, added, replaced or two neighbours swapped
 * (`acme health` / `acme helth`). Used to count how many companies one AWS account is
 * given for, so a typo does not count as a second company.
 */
export function similarNames(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < MIN_FUZZY_LENGTH) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (a[start] === b[start]) start++;
  if (a.length !== b.length) {
    const [long, short] = a.length > b.length ? [a, b] : [b, a];
    return long.slice(start + 1) === short.slice(start);
  }
  if (a.slice(start + 1) === b.slice(start + 1)) return true; // one replaced
  return (
    a[start] === b[start + 1] &&
    a[start + 1] === b[start] &&
    a.slice(start + 2) === b.slice(start + 2)
  );
}
