import { Global, Module } from '@nestjs/common';
import { AdvisoryLockService } from './advisory-lock.service';
import { JobRunsRepository } from './job-runs.repository';
import { JobRunsService } from './job-runs.service';
import { OutboxRepository } from './outbox.repository';

@Global()
@Module({
  providers: [JobRunsRepository, JobRunsService, AdvisoryLockService, OutboxRepository],
  exports: [JobRunsService, AdvisoryLockService, OutboxRepository],
})
export class OpsModule {}
