import { Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import { SearchModule } from './search/search.module';

@Module({ imports: [CoreModule.forRoot('api'), SearchModule] })
export class ApiAppModule {}
