import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Extension } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';

// The package types its contrib folder as ES modules only; its CommonJS build is there.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };

export const PGLITE_MEMORY = 'memory://';

/** Opens (creating if needed) the embedded database with pgvector and pg_trgm loaded. */
export async function openPglite(dataDir: string): Promise<PGlite> {
  if (!dataDir.startsWith(PGLITE_MEMORY)) mkdirSync(dataDir, { recursive: true });
  return PGlite.create(dataDir, { extensions: { vector, pg_trgm } });
}
