import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { IngestionModule } from './ingestion.module';
import { IngestionSchedules } from './ingestion.schedules';

/** The sync schedules. Only service processes import it, never scripts or tests. */
@Module({
  imports: [ScheduleModule.forRoot(), IngestionModule],
  providers: [IngestionSchedules],
})
export class IngestionSchedulesModule {}
