import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Extension } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { lockPgliteDirectory } from './pglite-lock';

// The package types its contrib folder as ES modules only; its CommonJS build is there.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unaccent } = require('@electric-sql/pglite/contrib/unaccent') as { unaccent: Extension };

export const PGLITE_MEMORY = 'memory://';

export interface OpenedPglite {
  pglite: PGlite;
  /** Closes the database, then releases the directory for the next process. */
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) the embedded database with pgvector, pg_trgm and unaccent loaded. A data
 * directory is locked first: a second process opening it fails naming the holder
 * (EmbeddedDatabaseInUseException) instead of silently losing its writes.
 */
export async function openPglite(dataDir: string): Promise<OpenedPglite> {
  const extensions = { vector, pg_trgm, unaccent };
  if (dataDir.startsWith(PGLITE_MEMORY)) {
    const pglite = await PGlite.create(dataDir, { extensions });
    return { pglite, close: () => pglite.close() };
  }
  mkdirSync(dataDir, { recursive: true });
  const release = lockPgliteDirectory(dataDir);
  try {
    const pglite = await PGlite.create(dataDir, { extensions });
    return {
      pglite,
      close: async () => {
        try {
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
