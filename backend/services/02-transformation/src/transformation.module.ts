import { Module } from '@nestjs/common';
import { TransformationRepository } from './transformation.repository';
import { TransformationService } from './transformation.service';

/** raw.* → core.*. Needs the CoreModule of the process it runs in. */
@Module({
  providers: [TransformationRepository, TransformationService],
  exports: [TransformationService],
})
export class TransformationModule {}
