const LABELS: Record<string, string> = { odoo: 'Odoo', ace: 'ACE' };

export function SourceBadge({ source }: { source: string }) {
  return <span className={`badge badge-${source}`}>{LABELS[source] ?? source}</span>;
}
