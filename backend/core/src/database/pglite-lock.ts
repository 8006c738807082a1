import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
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
        `stop it or use the running app's API (e.g. POST /api/v1/keys to create a key). ` +
        "Two processes on one PGlite directory lose each other's writes.",
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
 * no reader sees it half written). A lock whose process is gone is stale and taken over.
 * Returns the release function; the lock also goes when the process exits normally.
 *
 * Two processes taking over the same stale lock in the same instant could both succeed;
 * a stale lock means a crash, so that race needs a crash and two simultaneous restarts.
 */
export function lockPgliteDirectory(dataDir: string): () => void {
  const path = resolve(dataDir, PGLITE_LOCK_FILE);
  const me: PgliteLockHolder = {
    pid: process.pid,
    command: describeThisProcess(),
    since: new Date().toISOString(),
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
      rmSync(path, { force: true }); // stale: its process is gone
    }
    throw new DomainException('conflict', `could not lock ${path}: other processes keep taking it`);
  } finally {
    rmSync(draft, { force: true });
  }
}

/**
 * Alive and not a previous process that happened to have our pid (a container's app is
 * often pid 1 after every restart): our own pid counts only for a lock we took.
 */
function isHeld(path: string, holder: PgliteLockHolder): boolean {
  if (holder.pid === process.pid) return heldHere.has(path);
  return isAlive(holder.pid);
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
    return Number.isInteger(parsed.pid) && (parsed.pid as number) > 0
      ? {
          pid: parsed.pid as number,
          command: String(parsed.command ?? 'unknown'),
          since: String(parsed.since ?? ''),
        }
      : null;
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
