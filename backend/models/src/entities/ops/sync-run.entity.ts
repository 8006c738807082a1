import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SyncRunStatus = 'running' | 'succeeded' | 'failed';

@Entity({ schema: 'ops', name: 'sync_runs' })
export class SyncRunEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('text') source: string;
  @Column('text') mode: 'incremental' | 'full';
  @Column('text') status: SyncRunStatus;
  @Column('timestamptz', { name: 'started_at' }) startedAt: Date;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt: Date | null;
  @Column('integer', { name: 'duration_ms', nullable: true }) durationMs: number | null;
  @Column('integer', { name: 'rows_read' }) rowsRead: number;
  @Column('integer', { name: 'rows_inserted' }) rowsInserted: number;
  @Column('integer', { name: 'rows_updated' }) rowsUpdated: number;
  @Column('integer', { name: 'rows_unchanged' }) rowsUnchanged: number;
  @Column('integer', { name: 'rows_deleted' }) rowsDeleted: number;
  @Column('integer', { name: 'rows_quarantined' }) rowsQuarantined: number;
  @Column('text', { nullable: true }) error: string | null;
  @Column('jsonb') details: Record<string, unknown>;
}
