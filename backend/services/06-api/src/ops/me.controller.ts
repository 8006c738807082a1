import { Controller, Get, Query } from '@nestjs/common';
import { CurrentPrincipal, NoQueryParameters } from '@revops/core';
import type { Principal } from '@revops/core';
import { MeDto } from './me.dto';

@Controller('me')
export class MeController {
  /** The calling key's name and role (never the key nor its hash). */
  @Get()
  get(@Query() _query: NoQueryParameters, @CurrentPrincipal() principal: Principal): MeDto {
    return { name: principal.name, role: principal.role };
  }
}
