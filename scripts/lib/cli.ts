import { DynamicModule, INestApplication, INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  configureHttpApp,
  ConfigValidationException,
  CoreConfig,
  createLogger,
  DomainException,
  loadConfig,
  loadEnvFile,
  WinstonNestLogger,
} from '@revops/core';

/**
 * Minimal `--name value` / `--flag` parsing for the numbered scripts. Every script starts
 * here, so `.env` is loaded here too, before a script reads any variable itself.
 */
export function parseArgs(argv: string[], usage: string): Map<string, string> {
  loadEnvFile();
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(usage.trim());
      process.exit(0);
    }
    if (!arg.startsWith('--')) fail(`unexpected argument "${arg}"`, usage);
    const [name, inline] = arg.slice(2).split('=', 2);
    const next = argv[i + 1];
    if (inline !== undefined) args.set(name, inline);
    else if (next !== undefined && !next.startsWith('--')) args.set(name, argv[++i]);
    else args.set(name, 'true');
  }
  return args;
}

/** `--name N` as a positive integer (`fallback` when absent), or exit 1 naming the option. */
export function positiveInt(
  args: Map<string, string>,
  name: string,
  fallback: number,
  usage: string,
): number {
  const value = Number(args.get(name) ?? fallback);
  if (!Number.isInteger(value) || value < 1) fail(`--${name} must be a positive integer`, usage);
  return value;
}

export function fail(message: string, usage?: string): never {
  console.error(`error: ${message}`);
  if (usage) console.error(`\n${usage.trim()}`);
  process.exit(1);
}

/** Typed config from the environment, or exit 1 with the message naming each bad variable. */
export function configOrExit<T extends object>(cls: new () => T): T {
  try {
    return loadConfig(cls);
  } catch (error) {
    if (error instanceof ConfigValidationException) fail(error.message);
    throw error;
  }
}

/**
 * The services a script needs, as a Nest application context. `module` imports
 * `CoreModule.forRoot('scripts', { http: false })`: a context serves nothing, so it loads
 * no rate limits (no Redis connection at boot), /health or /metrics. Its logs stay at warn
 * so the script's own progress and tables are readable, unless LOG_LEVEL asks otherwise.
 */
export async function createScriptApp(
  module: Type<unknown> | DynamicModule,
): Promise<INestApplicationContext> {
  // abortOnError off: a failed boot (a bad variable, a database in use) reaches runScript,
  // which prints its message and exits 1.
  return NestFactory.createApplicationContext(module, {
    logger: scriptLogger(),
    abortOnError: false,
  });
}

/**
 * The same, as an HTTP application (routes, auth, rate limits, errors) that is not
 * listening yet; `module` imports the full `CoreModule.forRoot(name)`.
 */
export async function createScriptHttpApp(
  module: Type<unknown> | DynamicModule,
): Promise<INestApplication> {
  const app = configureHttpApp(
    await NestFactory.create(module, { logger: scriptLogger(), abortOnError: false }),
  );
  await app.init();
  return app;
}

function scriptLogger(): WinstonNestLogger {
  const config = configOrExit(CoreConfig);
  const level = process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn';
  return new WinstonNestLogger(createLogger('scripts', level, config.LOG_FORMAT));
}

/** Runs a script's main, printing a failure without a stack for expected errors. */
export function runScript(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof DomainException) fail(error.message);
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
