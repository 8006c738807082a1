import { Global, Module } from '@nestjs/common';
import { JobRunsRepository } from './job-runs.repository';
import { JobRunsService } from './job-runs.service';

@Global()
@Module({ providers: [JobRunsRepository, JobRunsService], exports: [JobRunsService] })
export class OpsModule {}
