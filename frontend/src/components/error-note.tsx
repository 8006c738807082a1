import { ApiError } from '../api/client';

/** A failed request, said plainly, with the API's correlation id for a support ticket. */
export function ErrorNote({ error, action }: { error: unknown; action?: string }) {
  const body = error instanceof ApiError ? error.body : null;
  return (
    <div role="alert" className="error">
      <p>
        {action ? `${action}: ` : ''}
        {error instanceof Error ? error.message : String(error)}
      </p>
      {body?.correlationId && <p className="small">Reference: {body.correlationId}</p>}
    </div>
  );
}
