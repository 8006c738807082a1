import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { ErrorNote } from '../../components/error-note';
import { dateTime } from '../../lib/format';

/** The event pipeline: what waits in the outbox, and events consumers gave up on. */
export function EventsCard() {
  const events = useQuery({
    queryKey: ['events'],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/events', { params: { query: { limit: 10 } }, signal })),
    refetchInterval: 15_000,
  });
  if (events.isError) return <ErrorNote error={events.error} action="Events" />;
  const data = events.data;
  return (
    <section aria-labelledby="events-heading">
      <h2 id="events-heading">Events</h2>
      {data && (
        <>
          <div className="ops-grid">
            <div className="card">
              <h3>Outbox backlog</h3>
              <p className="number">{data.outbox.unpublished}</p>
              <p className="hint">
                {data.outbox.oldestUnpublishedAt
                  ? `oldest from ${dateTime(data.outbox.oldestUnpublishedAt)}`
                  : 'all published'}
                {data.outbox.failing > 0 &&
                  ` · ${data.outbox.failing} failing: ${data.outbox.lastError ?? ''}`}
              </p>
            </div>
            <div className="card">
              <h3>Dead letters</h3>
              <p className="number">{data.deadLetters.open}</p>
              <p className="hint">
                {data.deadLetters.byGroup
                  .map((line) => `${line.consumerGroup} · ${line.topic}: ${line.open}`)
                  .join('; ') || 'none open'}
              </p>
            </div>
          </div>
          {data.deadLetters.newest.length > 0 && (
            <table>
              <caption>Newest open dead letters</caption>
              <thead>
                <tr>
                  <th scope="col">Consumer</th>
                  <th scope="col">Topic</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last error</th>
                  <th scope="col">Dead-lettered</th>
                </tr>
              </thead>
              <tbody>
                {data.deadLetters.newest.map((letter) => (
                  <tr key={`${letter.consumerGroup}:${letter.eventId}`}>
                    <td>{letter.consumerGroup}</td>
                    <td>{letter.topic}</td>
                    <td>{letter.attempts}</td>
                    <td className="small">{letter.lastError}</td>
                    <td>{dateTime(letter.deadLetteredAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
