import { Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import { TransformationModule } from './transformation.module';

@Module({ imports: [CoreModule.forRoot('transformation'), TransformationModule] })
export class TransformationAppModule {}
