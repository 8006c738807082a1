import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeyRole } from '@revops/models';
import { DomainException } from '../errors/domain.exception';
import { ApiKeyService } from './api-key.service';
import { AuthenticatedRequest, IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import { authenticateRequest } from './authenticate-request';

/** Every route needs a valid API key unless marked @Public(): closed by default. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Event handlers are fed by the broker inside the deployment, not by an API client.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await authenticateRequest(request, this.apiKeys);
    request.principal = principal;
    // Only now: a request the rate limiter (which runs first) refused never gets here.
    await this.apiKeys.recordUse(principal.keyId);

    const roles = this.reflector.getAllAndOverride<ApiKeyRole[]>(REQUIRED_ROLES, targets);
    if (roles?.length && principal.role !== 'admin' && !roles.includes(principal.role)) {
      throw new DomainException('forbidden', `This route needs the role ${roles.join(' or ')}`);
    }
    return true;
  }
}
