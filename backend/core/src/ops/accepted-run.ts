import { Logger } from '@nestjs/common';
import type { AcceptedRunDto, RunKind } from './run.dto';

/**
 * The 202 answer to a job started on request: its run id and where to follow it. The
 * outcome is in the run record; a failure is also logged here, never lost.
 */
export function acceptedRun(
  started: { jobRunId: string; done: Promise<unknown> },
  kind: RunKind,
  runsPath: string,
  logger: Logger,
): AcceptedRunDto {
  const { jobRunId: id, done } = started;
  done.catch((error: unknown) =>
    logger.error({ msg: 'Requested run failed', kind, id, error: String(error) }),
  );
  return { id, kind, status: 'running', links: { run: `${runsPath}/${id}` } };
}
