import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';

export const PGLITE_MEMORY = 'memory://';

/** Opens (creating if needed) the embedded database with pgvector loaded. */
export async function openPglite(dataDir: string): Promise<PGlite> {
  if (!dataDir.startsWith(PGLITE_MEMORY)) mkdirSync(dataDir, { recursive: true });
  return PGlite.create(dataDir, { extensions: { vector } });
}
