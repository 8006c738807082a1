import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  actorOf,
  ApiKeyDto,
  ApiKeyPageDto,
  ApiKeyService,
  CreatedApiKeyDto,
  CurrentPrincipal,
  NoBody,
  NoQueryParameters,
  Roles,
} from '@revops/core';
import type { Principal } from '@revops/core';
import { ApiKeyParams, ApiKeysQuery, CreateApiKeyBody } from './keys.dto';

/** API keys, for admins: the same service as scripts/02-database/03_manage_api_keys.ts. */
@Controller('keys')
@Roles('admin')
export class KeysController {
  constructor(private readonly keys: ApiKeyService) {}

  /** Newest first. Never the key itself nor its hash: those are shown once, at creation. */
  @Get()
  list(@Query() query: ApiKeysQuery): Promise<ApiKeyPageDto> {
    return this.keys.list(query);
  }

  /** 201 with the new key in `key`: store it now, it is never shown again. Audited. */
  @Post()
  create(
    @Body() body: CreateApiKeyBody,
    @Query() _query: NoQueryParameters,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedApiKeyDto> {
    return this.keys.create(body.name, body.role, actorOf(principal));
  }

  /**
   * The key stops working from the next request, on every replica (keys are checked in the
   * database on each request). Audited; revoking a revoked key changes nothing. 404 if unknown.
   */
  @Post(':id/revoke')
  @HttpCode(200)
  revoke(
    @Param() { id }: ApiKeyParams,
    @Body() _body: NoBody,
    @Query() _query: NoQueryParameters,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApiKeyDto> {
    return this.keys.revoke(id, actorOf(principal));
  }
}
