import { Injectable, Logger } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';
import { RunMetrics } from '../metrics/run-metrics';
import { AdvisoryLockService } from './advisory-lock.service';
import { JobRunsRepository } from './job-runs.repository';
import { RunDto, RunKind, runOfJob, RunStatus } from './run.dto';

/** Records a unit of work in ops.job_runs: who started it, how long it took, what it did. */
@Injectable()
export class JobRunsService {
  private readonly logger = new Logger(JobRunsService.name);

  constructor(
    private readonly runs: JobRunsRepository,
    private readonly locks: AdvisoryLockService,
    private readonly metrics: RunMetrics,
  ) {}

  /** A run that did not happen, and why (e.g. another instance holds the job's lock). */
  async skipped(jobName: string, triggeredBy: string, reason: string): Promise<string> {
    const jobRunId = await this.runs.start(jobName, triggeredBy);
    await this.runs.finish(jobRunId, { status: 'skipped', durationMs: 0, details: { reason } });
    this.metrics.jobFinished({ job: jobName, status: 'skipped', durationMs: 0, summary: {} });
    this.logger.log({ msg: 'Job skipped', jobName, jobRunId, reason });
    return jobRunId;
  }

  /** Runs `work` as a recorded job and returns its outcome once it is done. */
  async track<T extends object>(
    jobName: string,
    triggeredBy: string,
    work: (jobRunId: string) => Promise<T>,
  ): Promise<T & { jobRunId: string }> {
    return (await this.begin(jobName, triggeredBy, work)).done;
  }

  /**
   * Starts `work` as a recorded job and returns its run id at once, for a caller that
   * answers before the work ends (an HTTP 202); `done` settles with the outcome.
   */
  async begin<T extends object>(
    jobName: string,
    triggeredBy: string,
    work: (jobRunId: string) => Promise<T>,
  ): Promise<{ jobRunId: string; done: Promise<T & { jobRunId: string }> }> {
    const jobRunId = await this.runs.start(jobName, triggeredBy);
    return { jobRunId, done: this.finishWhenDone(jobName, jobRunId, work) };
  }

  /**
   * `begin`, as the only holder of the advisory lock `lock` (across every process) until
   * the work ends; a `conflict` saying `busy` while someone else holds it.
   */
  async beginExclusive<T extends object>(
    lock: string,
    busy: string,
    jobName: string,
    triggeredBy: string,
    work: (jobRunId: string) => Promise<T>,
  ): Promise<{ jobRunId: string; done: Promise<T & { jobRunId: string }> }> {
    const release = await this.locks.tryLock(lock);
    if (!release) throw new DomainException('conflict', busy); // the lock's name is internal
    try {
      const { jobRunId, done } = await this.begin(jobName, triggeredBy, work);
      return { jobRunId, done: done.finally(release) };
    } catch (error) {
      await release();
      throw error;
    }
  }

  /**
   * A run of one job (its name starts with `prefix`) in the run shape; the id of another
   * job's run is not_found, the same answer as an unknown id, on every runs route.
   */
  async runRecord(id: string, prefix: string, what: string): Promise<RunDto> {
    const run = await this.runs.find(id);
    if (!run?.jobName.startsWith(prefix)) {
      throw new DomainException('not_found', `No ${what} run ${id}`, { id });
    }
    return runOfJob(run);
  }

  /** Newest first, in the run shape: see JobRunsRepository.list. */
  async list(options: {
    kind: RunKind;
    name?: string;
    status?: RunStatus;
    limit: number;
    before?: string;
  }): Promise<RunDto[]> {
    return (await this.runs.list(options)).map(runOfJob);
  }

  private async finishWhenDone<T extends object>(
    jobName: string,
    jobRunId: string,
    work: (jobRunId: string) => Promise<T>,
  ): Promise<T & { jobRunId: string }> {
    const started = Date.now();
    try {
      const result = await work(jobRunId);
      const durationMs = Date.now() - started;
      await this.runs.finish(jobRunId, { status: 'succeeded', durationMs, details: result });
      this.metrics.jobFinished({ job: jobName, status: 'succeeded', durationMs, summary: result });
      this.logger.log({ msg: 'Job finished', jobName, jobRunId, durationMs, ...result });
      return { ...result, jobRunId };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const durationMs = Date.now() - started;
      await this.runs.finish(jobRunId, {
        status: 'failed',
        durationMs,
        details: {},
        error: message,
      });
      this.metrics.jobFinished({ job: jobName, status: 'failed', durationMs, summary: {} });
      this.logger.error({ msg: 'Job failed', jobName, jobRunId, error: message });
      throw error;
    }
  }
}
