import { Module } from '@nestjs/common';
import { CoreModule } from '@revops/core';
import { KeysModule } from './keys/keys.module';
import { OpsApiModule } from './ops/ops.module';
import { SearchModule } from './search/search.module';

@Module({ imports: [CoreModule.forRoot('api'), SearchModule, KeysModule, OpsApiModule] })
export class ApiAppModule {}
