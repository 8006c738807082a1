import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsId, toDecimal } from '@revops/core';
import type { ValidatedEntity } from '../rules/validation-rule';

const ENTITIES: ValidatedEntity[] = ['odoo-opportunities', 'ace-opportunities'];

export class ValidationRunParams {
  @IsId('id must be the run id that POST /api/v1/validate/run returned')
  id: string;
}

export class HeldRecordsQuery {
  @IsOptional()
  @IsIn(ENTITIES, { message: `entity must be one of ${ENTITIES.join(', ')}` })
  entity?: ValidatedEntity;

  @IsOptional()
  @Transform(toDecimal)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;

  /** The `nextCursor` of the previous page. */
  @IsOptional()
  @Matches(/^(odoo|ace)-opportunities:.{1,64}$/, {
    message: 'cursor must be the nextCursor of a previous page',
  })
  cursor?: string;
}
