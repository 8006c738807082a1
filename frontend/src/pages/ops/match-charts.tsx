import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'; // prettier-ignore
import { api, ok } from '../../api/client';
import { ErrorNote } from '../../components/error-note';
import { statusLabel } from '../review/status-badge';

const COLOURS: Record<string, string> = {
  proposed: '#8a6d00',
  superseded: '#6b7280',
  auto_linked: '#0b57d0',
  approved: '#14692f',
  rejected: '#a8201a',
};

/** How matches stand, and how their probabilities spread, per status. */
export function MatchCharts() {
  const stats = useQuery({
    queryKey: ['matches', 'stats'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/matches/stats', { signal })),
  });
  if (stats.isError) return <ErrorNote error={stats.error} action="Match statistics" />;
  if (!stats.data) return null;
  const counts = stats.data.byStatus;
  const statuses = Object.keys(counts) as (keyof typeof counts)[];
  const byStatus = statuses.map((status) => ({ status, count: counts[status] }));
  const histogram = stats.data.probabilityBins.map((bin) => ({
    bin: `${bin.from.toFixed(1)}–${bin.to.toFixed(1)}`,
    ...bin.byStatus,
  }));
  return (
    <section aria-labelledby="matches-heading">
      <h2 id="matches-heading">Matches</h2>
      <p className="hint">
        {byStatus.map(({ status, count }) => `${statusLabel(status)}: ${count}`).join(' · ')}
      </p>
      <div className="charts">
        {/* The counts above and the table below say what the charts draw, for screen readers. */}
        <figure className="chart" aria-hidden="true">
          <ResponsiveContainer>
            <BarChart data={byStatus} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="status" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="count" fill="#0b57d0" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <figure className="chart" aria-hidden="true">
          <ResponsiveContainer>
            <BarChart data={histogram} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="bin" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {statuses.map((status) => (
                <Bar
                  key={status}
                  dataKey={status}
                  stackId="p"
                  fill={COLOURS[status] ?? '#555'}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </figure>
      </div>
      <table className="visually-hidden">
        <caption>Matches per probability range and status</caption>
        <thead>
          <tr>
            <th scope="col">P(same deal)</th>
            {statuses.map((status) => (
              <th scope="col" key={status}>
                {statusLabel(status)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stats.data.probabilityBins.map((bin) => (
            <tr key={bin.from}>
              <th scope="row">{`${bin.from.toFixed(1)}–${bin.to.toFixed(1)}`}</th>
              {statuses.map((status) => (
                <td key={status}>{bin.byStatus[status]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
