import { Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import { ValidationModule } from './validation.module';

@Module({ imports: [CoreModule.forRoot('validation'), ValidationModule] })
export class ValidationAppModule {}
