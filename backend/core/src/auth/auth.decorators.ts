import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { ApiKeyRole } from '@revops/models';
import type { Request } from 'express';
import { Principal } from './principal';

export const IS_PUBLIC = 'revops:isPublic';
export const REQUIRED_ROLES = 'revops:requiredRoles';

/** OpenAPI extensions the document turns into `security` and a 403 answer. */
export const OPENAPI_PUBLIC = 'x-public';
export const OPENAPI_ROLES = 'x-required-roles';
export const OPENAPI_CONFLICT = 'x-conflict';

/** No API key needed (health and metrics only). */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(OPENAPI_PUBLIC, true));

/** Only these roles may call the route; admin may always. */
export const Roles = (...roles: ApiKeyRole[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiExtension(OPENAPI_ROLES, roles));

export type AuthenticatedRequest = Request & { principal?: Principal };

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);

/** The route answers 409 in this case (the OpenAPI document lists it with the error shape). */
export const ConflictWhen = (description: string): MethodDecorator =>
  ApiExtension(OPENAPI_CONFLICT, description);
