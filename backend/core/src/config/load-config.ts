import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ConfigValidationException } from './config-validation.exception';
import { loadEnvFile } from './env-file';

type ConfigClass<T> = new () => T;

/**
 * Builds a typed config object from environment variables (and `.env`, when reading the
 * process's own environment: see loadEnvFile) and validates it.
 * Values are never echoed in the error: a bad DATABASE_URL may hold a password.
 */
export function loadConfig<T extends object>(
  cls: ConfigClass<T>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  if (env === process.env) loadEnvFile();
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const config = plainToInstance(cls, defined, { enableImplicitConversion: true });
  const errors = validateSync(config, { forbidUnknownValues: false, stopAtFirstError: true });
  if (errors.length > 0) {
    throw new ConfigValidationException(cls.name, errors.flatMap(toProblems));
  }
  return config;
}

function toProblems(error: ValidationError): { variable: string; reason: string }[] {
  return [{ variable: error.property, reason: Object.values(error.constraints ?? {}).join(', ') }];
}
