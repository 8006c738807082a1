import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

let loaded = false;

/**
 * The variables of a `.env` text that the environment does not already set: a real
 * environment variable always wins over the file (even when set to an empty string).
 */
export function envFileAdditions(text: string, env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(parseEnv(text)).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !(entry[0] in env),
    ),
  );
}

/**
 * Reads `.env` from the working directory into process.env, once per process, when the
 * file exists: what .env.example tells people to create. Every service boot and script goes
 * through here (loadConfig, and the scripts' argument parsing). Never under tests
 * (NODE_ENV=test or a Jest worker, and the processes they spawn, which inherit both), so a
 * developer's .env cannot change what a test sees. Returns the names it set.
 */
export function loadEnvFile(path = resolve(process.cwd(), '.env')): string[] {
  if (loaded) return [];
  loaded = true;
  if (process.env.NODE_ENV === 'test' || process.env.JEST_WORKER_ID !== undefined) return [];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const additions = envFileAdditions(text, process.env);
  Object.assign(process.env, additions);
  return Object.keys(additions);
}
