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
