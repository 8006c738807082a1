/**
 * What a sync set aside per table, to tell a file of the wrong shape (most rows
 * quarantined) from a few bad records. Reasons are grouped by their first problem with
 * the quoted values left out: `stage_id: no crm.stage named "…"`.
 */
export class QuarantineTally {
  read = 0;
  quarantined = 0;
  private readonly groups = new Map<string, { count: number; example: string }>();

  add(read: number, reasons: string[]): void {
    this.read += read;
    this.quarantined += reasons.length;
    for (const reason of reasons) {
      const problem = firstProblem(reason);
      const group = problem.replace(/"(?:[^"\\]|\\.)*"/g, '"…"');
      const seen = this.groups.get(group) ?? { count: 0, example: problem };
      this.groups.set(group, { ...seen, count: seen.count + 1 });
    }
  }

  /** The most common reason, with how many rows had it and one of them as written. */
  mostCommon(): { reason: string; count: number; example: string } | undefined {
    let best: { reason: string; count: number; example: string } | undefined;
    for (const [reason, { count, example }] of this.groups) {
      if (!best || count > best.count) best = { reason, count, example };
    }
    return best;
  }

  /** Why the table fails the run when its quarantined share passes `limit`, else null. */
  overLimit(table: string, limit: number): string | null {
    if (this.read === 0 || this.quarantined / this.read <= limit) return null;
    const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
    const common = this.mostCommon();
    const why = common
      ? `; most common (${common.count} rows): ${common.reason}` +
        (common.example !== common.reason ? `, e.g. ${common.example}` : '')
      : '';
    return (
      `${table}: ${this.quarantined} of ${this.read} rows quarantined ` +
      `(${percent(this.quarantined / this.read)}, over the ${percent(limit)} limit)${why}`
    );
  }
}

/** `odoo_crm_lead row 7: stage_id: no …; color: …` → `stage_id: no …`. */
function firstProblem(reason: string): string {
  const afterRow = /^\S+ row [^:]*: (.*)$/s.exec(reason)?.[1] ?? reason;
  return afterRow.split('; ')[0].slice(0, 300);
}
