import { Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import { MatchingModule } from './matching.module';

@Module({ imports: [CoreModule.forRoot('matching'), MatchingModule] })
export class MatchingAppModule {}
