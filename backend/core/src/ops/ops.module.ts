import { Global, Module } from '@nestjs/common';
import { AdvisoryLockService } from './advisory-lock.service';
import { JobRunsRepository } from './job-runs.repository';
import { JobRunsService } from './job-runs.service';
import { OutboxRepository } from './outbox.repository';
import { QuarantineRepository } from './quarantine.repository';

@Global()
@Module({
  providers: [
    JobRunsRepository,
    JobRunsService,
    AdvisoryLockService,
    OutboxRepository,
    QuarantineRepository,
  ],
  exports: [JobRunsService, AdvisoryLockService, OutboxRepository, QuarantineRepository],
})
export class OpsModule {}
