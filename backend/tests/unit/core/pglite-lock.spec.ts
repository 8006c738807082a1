import {
  EmbeddedDatabaseInUseException,
  lockPgliteDirectory,
  PGLITE_LOCK_FILE,
} from '@revops/core';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('lockPgliteDirectory', () => {
  let dir: string;
  const lockFile = () => join(dir, PGLITE_LOCK_FILE);
  const holderPid = () => (JSON.parse(readFileSync(lockFile(), 'utf8')) as { pid: number }).pid;
  const writeLock = (content: object | string) =>
    writeFileSync(lockFile(), typeof content === 'string' ? content : JSON.stringify(content));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'revops-lock-'));
  });

  it('takes the directory with this pid, refuses a second opener, and frees it on release', () => {
    const release = lockPgliteDirectory(dir);
    expect(holderPid()).toBe(process.pid);
    expect(() => lockPgliteDirectory(dir)).toThrow(EmbeddedDatabaseInUseException);
    release();
    expect(readdirSync(dir)).toEqual([]);
    lockPgliteDirectory(dir)();
  });

  it('refuses while another live process holds it, naming the directory and the process', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeLock({ pid: other.pid, command: 'npm run demo: 01_demo.ts', since: '' });
      let error: unknown;
      try {
        lockPgliteDirectory(dir);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(EmbeddedDatabaseInUseException);
      expect((error as Error).message).toBe(
        `the embedded database in ${dir} is in use by process ${other.pid} (npm run demo: 01_demo.ts); ` +
          "stop it or use the running app's API (e.g. POST /api/v1/keys to create a key). " +
          "Two processes on one PGlite directory lose each other's writes.",
      );
      expect(holderPid()).toBe(other.pid);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock whose process is gone, or that is not a lock at all', () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    for (const stale of [{ pid: dead, command: 'x', since: '' }, 'garbage', { pid: -42 }]) {
      writeLock(stale);
      const release = lockPgliteDirectory(dir);
      expect(holderPid()).toBe(process.pid);
      release();
    }
  });

  it('takes over a lock with this pid that this process never took (a restarted container)', () => {
    writeLock({ pid: process.pid, command: 'all-in-one.main.js', since: '' });
    const release = lockPgliteDirectory(dir);
    expect(() => lockPgliteDirectory(dir)).toThrow(EmbeddedDatabaseInUseException);
    release();
  });

  it('leaves a lock that another process took since alone on release', () => {
    const release = lockPgliteDirectory(dir);
    writeLock({ pid: 1, command: 'someone else', since: '' });
    release();
    expect(holderPid()).toBe(1);
  });
});
