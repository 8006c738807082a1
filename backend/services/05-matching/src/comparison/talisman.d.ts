// talisman ships no types; the one function matching uses.
declare module 'talisman/metrics/jaro-winkler' {
  /** Jaro–Winkler similarity of two strings, 0–1 (Winkler's boost above 0.7). */
  const jaroWinkler: (a: string, b: string) => number;
  export default jaroWinkler;
}
