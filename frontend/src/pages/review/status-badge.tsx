/** A status as people read it: `auto_linked` → "auto linked". */
export const statusLabel = (status: string): string => status.replace('_', ' ');

export function StatusBadge({ status }: { status: string }) {
  return <span className={`status status-${status}`}>{statusLabel(status)}</span>;
}
