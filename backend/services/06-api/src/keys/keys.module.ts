import { Module } from '@nestjs/common';
import { AuthModule } from '@revops/core';
import { KeysController } from './keys.controller';

/** /api/v1/keys: list, create and revoke API keys (admin only). */
@Module({ imports: [AuthModule], controllers: [KeysController] })
export class KeysModule {}
