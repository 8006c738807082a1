import { useQuery } from '@tanstack/react-query';
import { api, ok, type Schema } from '../../api/client';
import { ErrorNote } from '../../components/error-note';
import { dateTime } from '../../lib/format';

/** Each rule's violations in the latest validation run, with sample record ids. */
export function ValidationCard() {
  const latest = useQuery({
    queryKey: ['runs', 'validate', 'latest'],
    queryFn: async ({ signal }) => {
      const page = await ok(api.GET('/api/v1/runs', { params: { query: { kind: 'validate', limit: 1 } }, signal })); // prettier-ignore
      const run = page.items[0];
      return run ? ok(api.GET('/api/v1/validate/runs/{id}', { params: { path: { id: run.id } }, signal })) : null; // prettier-ignore
    },
  });
  return (
    <section aria-labelledby="validation-heading">
      <h2 id="validation-heading">Validation</h2>
      {latest.isError && <ErrorNote error={latest.error} />}
      {latest.data === null && <p className="empty">No validation has run yet.</p>}
      {latest.data && (
        <>
          <p className="hint">
            Run {latest.data.id}, {latest.data.status}, {dateTime(latest.data.startedAt)}
          </p>
          <ResultsTable results={latest.data.results.filter((result) => result.violations > 0)} />
          <details>
            <summary>
              {latest.data.results.filter((result) => result.violations === 0).length} rules found
              nothing
            </summary>
            <ResultsTable
              results={latest.data.results.filter((result) => result.violations === 0)}
            />
          </details>
        </>
      )}
    </section>
  );
}

function ResultsTable({ results }: { results: Schema<'ValidationResultDto'>[] }) {
  if (results.length === 0) return null;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Entity</th>
          <th scope="col">Severity</th>
          <th scope="col">Violations</th>
          <th scope="col">Sample records</th>
        </tr>
      </thead>
      <tbody>
        {results.map((result) => (
          <tr key={result.ruleId}>
            <th scope="row">
              {result.ruleId}
              <span className="small block">{result.description}</span>
            </th>
            <td>{result.entity}</td>
            <td>{result.severity}</td>
            <td>{result.violations}</td>
            <td className="small">{result.sampleIds.join(', ') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
