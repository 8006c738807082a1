import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DomainException } from '../errors/domain.exception';

/** The lock file's name inside a PGlite data directory. */
export const PGLITE_LOCK_FILE = 'revops.lock';

/** What the lock file says about the process that holds the directory. */
export interface PgliteLockHolder {
  pid: number;
  /** How that process was started, to tell a person which one it is. */
  command: string;
  /** ISO 8601: when it took the lock. */
  since: string;
  /**
   * Linux only: which process had the pid, so a pid since reused by another process (after
   * a reboot, say) is not taken for the holder. Absent where /proc is not readable.
   */
  identity?: ProcessIdentity;
}

/** A process as Linux tells it apart from a later one with the same pid. */
export interface ProcessIdentity {
  /** /proc/sys/kernel/random/boot_id: new at every boot. */
  bootId: string;
  /** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
  startTime: string;
}

/**
 * A second process opened a PGlite directory that another one holds. PGlite takes no lock
 * itself: both would open it, and whichever writes its files last silently drops the other's
 * writes (or leaves a directory that no longer opens).
 */
export class EmbeddedDatabaseInUseException extends DomainException {
  constructor(
    readonly dataDir: string,
    readonly holder: PgliteLockHolder,
  ) {
    super(
      'conflict',
      `the embedded database in ${dataDir} is in use by process ${holder.pid} (${holder.command}); ` +
        "stop it, or use the running app's API. Two processes on one PGlite directory lose " +
        `each other's writes. If process ${holder.pid} is not a RevOps process, the lock was ` +
        `left behind: delete ${join(dataDir, PGLITE_LOCK_FILE)}.`,
      { dataDir, pid: holder.pid },
    );
  }
}

/** Lock files this process holds, by absolute path: one opener per directory, here too. */
const heldHere = new Set<string>();
let releaseAtExit = false;

/**
 * Takes the data directory for this process, like PostgreSQL's postmaster.pid: a lock file
 * with the holder's pid, created atomically (a complete file is hard-linked into place, so
 * no reader sees it half written). A lock whose process is gone is stale and taken over, and
 * so is one whose pid now belongs to another process (Linux: its start time or the boot
 * differs from the lock's). Returns the release function; the lock also goes when the
 * process exits normally.
 *
 * Two processes taking over the same stale lock in the same instant could both succeed;
 * a stale lock means a crash, so that race needs a crash and two simultaneous restarts.
 */
export function lockPgliteDirectory(dataDir: string): () => void {
  const path = resolve(dataDir, PGLITE_LOCK_FILE);
  const identity = processIdentity(process.pid);
  const me: PgliteLockHolder = {
    pid: process.pid,
    command: describeThisProcess(),
    since: new Date().toISOString(),
    ...(identity && { identity }),
  };
  const draft = `${path}.${process.pid}.${Date.now()}`;
  writeFileSync(draft, `${JSON.stringify(me)}\n`, { mode: 0o644 });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(draft, path);
        heldHere.add(path);
        releaseOnExit();
        return () => release(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(path);
      if (holder && isHeld(path, holder)) throw new EmbeddedDatabaseInUseException(dataDir, holder);
      rmSync(path, { force: true }); // stale: its process is gone, or its pid was reused
    }
    throw new DomainException('conflict', `could not lock ${path}: other processes keep taking it`);
  } finally {
    rmSync(draft, { force: true });
  }
}

/**
 * Alive and not a previous process that happened to have our pid (a container's app is
 * often pid 1 after every restart): our own pid counts only for a lock we took. Another
 * pid counts while it lives, unless /proc shows that it is not the process that locked.
 */
function isHeld(path: string, holder: PgliteLockHolder): boolean {
  if (holder.pid === process.pid) return heldHere.has(path);
  return isAlive(holder.pid) && !isReusedPid(holder.identity, processIdentity(holder.pid));
}

/**
 * Whether the live process with the lock's pid is another one than the process that took
 * the lock: another boot, or another start time. Unknown on either side (a lock written
 * where /proc was not readable, or no /proc here): not reused, as without identities.
 */
export function isReusedPid(
  recorded: ProcessIdentity | undefined,
  current: ProcessIdentity | undefined,
): boolean {
  if (!recorded || !current) return false;
  return recorded.bootId !== current.bootId || recorded.startTime !== current.startTime;
}

/** The boot and start time of process `pid` from /proc; undefined without /proc or process. */
export function processIdentity(pid: number): ProcessIdentity | undefined {
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 is the command in parentheses, which may itself hold spaces and ")".
    const startTime = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .at(22 - 3);
    return bootId && startTime && /^\d+$/.test(startTime) ? { bootId, startTime } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The holder, or null when the file is gone or is not one of ours (then it is replaced). */
function readHolder(path: string): PgliteLockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<PgliteLockHolder>;
    if (!Number.isInteger(parsed.pid) || (parsed.pid as number) <= 0) return null;
    const { bootId, startTime } = parsed.identity ?? {};
    return {
      pid: parsed.pid as number,
      command: String(parsed.command ?? 'unknown'),
      since: String(parsed.since ?? ''),
      ...(typeof bootId === 'string' && typeof startTime === 'string'
        ? { identity: { bootId, startTime } }
        : {}),
    };
  } catch {
    return null;
  }
}

function release(path: string): void {
  if (!heldHere.delete(path)) return;
  if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
}

function releaseOnExit(): void {
  if (releaseAtExit) return;
  releaseAtExit = true;
  process.once('exit', () => [...heldHere].forEach(release));
}

/** `npm run demo: 01_demo.ts`, or the entry point's file name. */
function describeThisProcess(): string {
  const entry = process.argv[1] ? basename(process.argv[1]) : 'node';
  const npmScript = process.env.npm_lifecycle_event;
  return npmScript ? `npm run ${npmScript}: ${entry}` : entry;
}
