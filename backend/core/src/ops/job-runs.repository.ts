import { Injectable } from '@nestjs/common';
import { JobRunEntity, JobRunStatus } from '@revops/models';
import { DataSource, Repository } from 'typeorm';

@Injectable()
export class JobRunsRepository {
  private readonly runs: Repository<JobRunEntity>;

  constructor(dataSource: DataSource) {
    this.runs = dataSource.getRepository(JobRunEntity);
  }

  async start(jobName: string, triggeredBy: string): Promise<string> {
    const run = await this.runs.save(
      this.runs.create({
        jobName,
        triggeredBy,
        status: 'running',
        startedAt: new Date(),
        details: {},
      }),
    );
    return run.id;
  }

  find(id: string): Promise<JobRunEntity | null> {
    return /^\d+$/.test(id) ? this.runs.findOneBy({ id }) : Promise.resolve(null);
  }

  /**
   * Newest first: the runs of the jobs of one kind, the first part of their name
   * (`transform` → `transform:odoo-opportunities`; `validate` is a whole name), optionally
   * one job (`name`) and one status; `before` is the last id of the previous page.
   */
  list(options: {
    kind: string;
    name?: string;
    status?: JobRunStatus;
    limit: number;
    before?: string;
  }): Promise<JobRunEntity[]> {
    const query = this.runs
      .createQueryBuilder('r')
      .where(`split_part(r.jobName, ':', 1) = :kind`, { kind: options.kind })
      .orderBy('r.id', 'DESC')
      .limit(options.limit);
    if (options.name) query.andWhere('r.jobName = :name', { name: options.name });
    if (options.status) query.andWhere('r.status = :status', { status: options.status });
    if (options.before) query.andWhere('r.id < :before', { before: options.before });
    return query.getMany();
  }

  async finish(
    id: string,
    outcome: { status: JobRunStatus; durationMs: number; details: object; error?: string },
  ): Promise<void> {
    await this.runs.update(id, {
      status: outcome.status,
      finishedAt: new Date(),
      durationMs: outcome.durationMs,
      details: { ...outcome.details },
      error: outcome.error ?? null,
    });
  }
}
