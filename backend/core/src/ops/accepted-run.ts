import { Logger } from '@nestjs/common';

export interface AcceptedRun {
  jobRunId: string;
  status: 'running';
  links: { run: string };
}

/**
 * The 202 answer to a job started on request: its run id and where to follow it. The
 * outcome is in the run record; a failure is also logged here, never lost.
 */
export function acceptedRun(
  started: { jobRunId: string; done: Promise<unknown> },
  runsPath: string,
  logger: Logger,
): AcceptedRun {
  const { jobRunId, done } = started;
  done.catch((error: unknown) =>
    logger.error({ msg: 'Requested run failed', jobRunId, error: String(error) }),
  );
  return { jobRunId, status: 'running', links: { run: `${runsPath}/${jobRunId}` } };
}
