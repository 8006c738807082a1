import type { ApiKeyRole } from '@revops/models';

/** Who the calling key is: never the key nor its hash. */
export class MeDto {
  /** The key's name. */
  name: string;
  role: ApiKeyRole;
}
