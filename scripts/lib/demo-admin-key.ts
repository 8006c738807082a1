import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ApiKeyService } from '@revops/core';

export const DEMO_ADMIN_KEY_NAME = 'demo-admin';

export interface DemoAdminKey {
  key: string;
  prefix: string;
  /** False when this start minted it (first start, or the saved one no longer works). */
  reused: boolean;
}

/**
 * The demo's admin key: the one saved in `file` while the database still knows it as an
 * active admin key, else a new one, saved there (owner-only, 0600) for the next start. So
 * restarts reuse one key instead of adding a key per start; revoking it makes the next start
 * mint another.
 */
export async function demoAdminKey(keys: ApiKeyService, file: string): Promise<DemoAdminKey> {
  const saved = readSaved(file);
  const found = saved ? await keys.findActive(saved) : null;
  if (saved && found?.role === 'admin') {
    chmodSync(file, 0o600);
    return { key: saved, prefix: found.prefix, reused: true };
  }
  const created = await keys.create(DEMO_ADMIN_KEY_NAME, 'admin', 'script:demo');
  mkdirSync(dirname(file), { recursive: true });
  // Removed first: writing over an existing file would keep that file's permissions.
  rmSync(file, { force: true });
  writeFileSync(file, `${created.key}\n`, { mode: 0o600 });
  return { key: created.key, prefix: created.prefix, reused: false };
}

function readSaved(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
