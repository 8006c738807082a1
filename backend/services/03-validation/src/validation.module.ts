import { Module } from '@nestjs/common';
import { ValidationConsumer } from './events/validation.consumer';
import { ValidationController } from './http/validation.controller';
import { ValidationRepository } from './validation.repository';
import { ValidationService } from './validation.service';

/** Data-quality rules over CORE; results and holds in ops.*. Needs the process's CoreModule. */
@Module({
  controllers: [ValidationController, ValidationConsumer],
  providers: [ValidationRepository, ValidationService],
  exports: [ValidationService],
})
export class ValidationModule {}
