import { Module } from '@nestjs/common';
import { TransformationConsumer } from './events/transformation.consumer';
import { TransformationController } from './http/transformation.controller';
import { IdentityRepository } from './identity/identity.repository';
import { IdentityService } from './identity/identity.service';
import { TransformationRepository } from './transformation.repository';
import { TransformationService } from './transformation.service';

/** raw.* → core.*. Needs the CoreModule of the process it runs in. */
@Module({
  controllers: [TransformationController, TransformationConsumer],
  providers: [TransformationRepository, TransformationService, IdentityRepository, IdentityService],
  exports: [TransformationService, IdentityService],
})
export class TransformationModule {}
