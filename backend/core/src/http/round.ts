/** A probability, score or weight as the API sends it: no float noise beyond what it means. */
export const roundTo = (value: number, decimals: number): number => Number(value.toFixed(decimals));

/** A match's probability, score and weights (search's fused scores need more: see search). */
export const MATCH_DECIMALS = 4;
