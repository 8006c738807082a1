import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiKeyRole } from '@revops/models';
import type { Request } from 'express';
import { Principal } from './principal';

export const IS_PUBLIC = 'revops:isPublic';
export const REQUIRED_ROLES = 'revops:requiredRoles';

/** No API key needed (health and metrics only). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; admin may always. */
export const Roles = (...roles: ApiKeyRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);

export type AuthenticatedRequest = Request & { principal?: Principal };

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);
