/** USE's and servers' output is normalised up to float error; make it exact so cosine = dot product. */
export function normalise(vector: number[]): number[] {
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((x) => x / norm);
}
