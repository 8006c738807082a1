import { Module } from '@nestjs/common';
import { ApiKeyService } from './api-key.service';
import { ApiKeysRepository } from './api-keys.repository';

@Module({
  // ApiKeyGuard is bound in CoreModule, after the rate limit.
  providers: [ApiKeysRepository, ApiKeyService],
  exports: [ApiKeyService],
})
export class AuthModule {}
