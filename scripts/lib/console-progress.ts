import { ProgressEvent, ProgressListener } from '@revops/core';

/**
 * Draws progress for scripts: one redrawn bar per step on a terminal, and on a pipe
 * (CI, logs) one line when a step starts and one when it ends.
 */
export function consoleProgress(out: NodeJS.WriteStream = process.stdout): ProgressListener {
  let current = '';
  return (event: ProgressEvent) => {
    const label = `${event.stage} ${event.item}`;
    const finished = event.total > 0 && event.done >= event.total;
    if (out.isTTY) {
      const width = 24;
      const filled = event.total ? Math.round((event.done / event.total) * width) : width;
      const bar = '#'.repeat(filled).padEnd(width, '.');
      out.write(`\r  ${label.padEnd(36)} [${bar}] ${event.done}/${event.total}`);
      if (finished || event.total === 0) out.write('\n');
      return;
    }
    if (label !== current) {
      current = label;
      if (!finished) out.write(`  ${label}: ${event.total} to do\n`);
    }
    if (finished || event.total === 0) out.write(`  ${label}: ${event.done}/${event.total} done\n`);
  };
}

/** Prints rows as an aligned plain-text table. */
export function printTable(rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  const headers = Object.keys(rows[0]);
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h]).length)));
  const line = (cells: string[]): string =>
    cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  console.log(line(headers));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(headers.map((h) => String(row[h]))));
}
