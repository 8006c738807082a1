import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { API_KEY_NAME_MAX_LENGTH, IsOptionalNotNull, toDecimal } from '@revops/core';
import type { ApiKeyStatus } from '@revops/core';
import { API_KEY_ROLES } from '@revops/models';
import type { ApiKeyRole } from '@revops/models';

const KEY_STATUSES: ApiKeyStatus[] = ['active', 'revoked'];

/** POST /api/v1/keys */
export class CreateApiKeyBody {
  /** Who or what the key is for, e.g. `crm-sync` or `ana.souza`. */
  @IsString({ message: 'name must be text' })
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(API_KEY_NAME_MAX_LENGTH, {
    message: `name must be at most ${API_KEY_NAME_MAX_LENGTH} characters`,
  })
  name: string;

  /** `analyst` (the default), `engineer` or `admin`. */
  @IsOptionalNotNull()
  @IsIn(API_KEY_ROLES, { message: `role must be one of ${API_KEY_ROLES.join(', ')}` })
  role?: ApiKeyRole;
}

/** GET /api/v1/keys */
export class ApiKeysQuery {
  /** Only the keys that work (`active`) or only the revoked ones; both when absent. */
  @IsOptional()
  @IsIn(KEY_STATUSES, { message: `status must be one of ${KEY_STATUSES.join(', ')}` })
  status?: ApiKeyStatus;

  @IsOptional()
  @Transform(toDecimal)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be between 1 and 500' })
  @Max(500, { message: 'limit must be between 1 and 500' })
  limit: number = 100;

  /** The `nextCursor` of the previous page. */
  @IsOptional()
  @IsUUID('all', { message: 'cursor must be the nextCursor of the previous page' })
  cursor?: string;
}

export class ApiKeyParams {
  @IsUUID('all', { message: 'id must be an API key id, as GET /api/v1/keys lists them' })
  id: string;
}
