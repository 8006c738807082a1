import {
  EmbeddedDatabaseInUseException,
  isReusedPid,
  lockPgliteDirectory,
  PGLITE_LOCK_FILE,
  processIdentity,
} from '@revops/core';
import type { ProcessIdentity } from '@revops/core';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the lock can tell a reused pid from its holder. */
const onLinux = existsSync('/proc/sys/kernel/random/boot_id');

/** Elsewhere a live pid counts as the holder, as the test of a lock without identity shows. */
function describeOnLinux(name: string, suite: () => void): void {
  const run = onLinux ? describe : describe.skip;
  run(`${name}${onLinux ? '' : ' (skipped: no /proc here)'}`, suite);
}

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

  it('refuses while another live process holds it (a lock without identity: no /proc), naming the directory and the process', async () => {
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
          "stop it, or use the running app's API. Two processes on one PGlite directory lose " +
          `each other's writes. If process ${other.pid} is not a RevOps process, the lock was ` +
          `left behind: delete ${join(dir, PGLITE_LOCK_FILE)}.`,
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

  it('records which process holds it (Linux: boot and start time from /proc)', () => {
    const release = lockPgliteDirectory(dir);
    const lock = JSON.parse(readFileSync(lockFile(), 'utf8')) as { identity?: object };
    expect(lock.identity).toEqual(onLinux ? processIdentity(process.pid) : undefined);
    release();
  });

  describeOnLinux('a lock whose pid is alive but now another process', () => {
    let other: ChildProcess;
    let identity: ProcessIdentity;
    const lockedBy = (recorded: object) =>
      writeLock({ pid: other.pid, command: 'npm run demo: 01_demo.ts', since: '', ...recorded });

    beforeEach(() => {
      other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
      identity = (other.pid && processIdentity(other.pid)) || { bootId: 'none', startTime: '0' };
    });
    afterEach(() => other.kill());

    it('is taken over when the pid started at another time (reused since)', () => {
      lockedBy({ identity: { ...identity, startTime: String(Number(identity.startTime) - 1) } });
      const release = lockPgliteDirectory(dir);
      expect(holderPid()).toBe(process.pid);
      release();
    });

    it('is taken over when it was taken in an earlier boot', () => {
      lockedBy({ identity: { ...identity, bootId: 'a-boot-before-the-last-reboot' } });
      const release = lockPgliteDirectory(dir);
      expect(holderPid()).toBe(process.pid);
      release();
    });

    it('is refused when boot and start time are the holder’s', () => {
      lockedBy({ identity });
      expect(() => lockPgliteDirectory(dir)).toThrow(EmbeddedDatabaseInUseException);
      expect(holderPid()).toBe(other.pid);
    });
  });

  it('leaves a lock that another process took since alone on release', () => {
    const release = lockPgliteDirectory(dir);
    writeLock({ pid: 1, command: 'someone else', since: '' });
    release();
    expect(holderPid()).toBe(1);
  });
});

describe('isReusedPid', () => {
  const holder = { bootId: 'boot-1', startTime: '5000' };

  it('is the holder while boot and start time both match', () => {
    expect(isReusedPid(holder, { ...holder })).toBe(false);
  });

  it('is another process when the start time or the boot differs', () => {
    expect(isReusedPid(holder, { ...holder, startTime: '5001' })).toBe(true);
    expect(isReusedPid(holder, { ...holder, bootId: 'boot-2' })).toBe(true);
  });

  it('cannot tell, so counts as the holder, when either side has no identity', () => {
    expect(isReusedPid(undefined, holder)).toBe(false);
    expect(isReusedPid(holder, undefined)).toBe(false);
  });
});
