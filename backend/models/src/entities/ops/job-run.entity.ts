import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type JobRunStatus = 'running' | 'succeeded' | 'failed' | 'skipped';

@Entity({ schema: 'ops', name: 'job_runs' })
export class JobRunEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('text', { name: 'job_name' }) jobName: string;
  @Column('text') status: JobRunStatus;
  @Column('timestamptz', { name: 'started_at' }) startedAt: Date;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt: Date | null;
  @Column('integer', { name: 'duration_ms', nullable: true }) durationMs: number | null;
  /** `schedule`, `api:<key name>` or `script:<name>`. */
  @Column('text', { name: 'triggered_by' }) triggeredBy: string;
  @Column('jsonb') details: Record<string, unknown>;
  @Column('text', { nullable: true }) error: string | null;
}
