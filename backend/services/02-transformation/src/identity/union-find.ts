/**
 * Disjoint sets over the indices 0…n−1 (union by size, path halving). A set may carry a
 * label (a company's domain); two sets with different labels are never merged, so no chain
 * of weaker keys can join two companies that each own a domain.
 */
export class LabelledUnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  private readonly labels: (string | null)[];

  constructor(labels: (string | null)[]) {
    this.labels = [...labels];
    this.parent = Int32Array.from(labels, (_, i) => i);
    this.size = new Int32Array(labels.length).fill(1);
  }

  find(i: number): number {
    let at = i;
    while (this.parent[at] !== at) {
      this.parent[at] = this.parent[this.parent[at]];
      at = this.parent[at];
    }
    return at;
  }

  label(i: number): string | null {
    return this.labels[this.find(i)];
  }

  /** Joins the sets of `a` and `b` unless their labels differ; true when they are one set. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return true;
    const la = this.labels[ra];
    const lb = this.labels[rb];
    if (la !== null && lb !== null && la !== lb) return false;
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
    this.labels[ra] = la ?? lb;
    return true;
  }
}
