import { envFileAdditions, loadEnvFile } from '@revops/core';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../fixtures/paths';

describe('envFileAdditions (.env)', () => {
  const file = [
    '# a comment',
    'PORT=4000',
    'LOG_LEVEL=debug',
    'DATABASE_URL="postgres://app:s3cret@db:5432/revops"',
    'EMPTY_HERE=from-file',
    '',
  ].join('\n');

  it('adds what the environment lacks; a real variable, even empty, wins over the file', () => {
    expect(envFileAdditions(file, { PORT: '3000', EMPTY_HERE: '' })).toEqual({
      LOG_LEVEL: 'debug',
      DATABASE_URL: 'postgres://app:s3cret@db:5432/revops',
    });
  });

  it('adds nothing from an empty file', () => {
    expect(envFileAdditions('', {})).toEqual({});
  });

  it("reads no .env inside a test run, so a developer's file cannot change a test", () => {
    const path = join(mkdtempSync(join(tmpdir(), 'revops-env-')), '.env');
    writeFileSync(path, 'REVOPS_ENV_FILE_PROBE=loaded\n');
    expect(loadEnvFile(path)).toEqual([]);
    expect(process.env.REVOPS_ENV_FILE_PROBE).toBeUndefined();
  });
});

describe('loadEnvFile in a process outside the tests', () => {
  it('reads .env from the working directory, and a variable of the real environment wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'revops-env-'));
    writeFileSync(
      join(dir, '.env'),
      '# as a person writes it\nREVOPS_PROBE_FILE=from-file\nREVOPS_PROBE_REAL=from-file\n',
    );
    // What a script does first (scripts/lib/cli.ts parseArgs, loadConfig), then what it sees.
    const probe = `
      const names = require(${JSON.stringify(join(REPO_ROOT, 'backend/core/src/config/env-file.ts'))}).loadEnvFile();
      const { REVOPS_PROBE_FILE, REVOPS_PROBE_REAL } = process.env;
      console.log(JSON.stringify({ names, REVOPS_PROBE_FILE, REVOPS_PROBE_REAL }));
    `;
    // Not a test process: no NODE_ENV, no JEST_WORKER_ID (both would turn .env off).
    const env: NodeJS.ProcessEnv = { ...process.env, REVOPS_PROBE_REAL: 'from-environment' };
    delete env.NODE_ENV;
    delete env.JEST_WORKER_ID;
    const child = spawnSync(
      process.execPath,
      ['-r', require.resolve('ts-node/register/transpile-only'), '-e', probe],
      {
        cwd: dir,
        env: { ...env, TS_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.json') },
        encoding: 'utf8',
      },
    );
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({
      names: ['REVOPS_PROBE_FILE'],
      REVOPS_PROBE_FILE: 'from-file',
      REVOPS_PROBE_REAL: 'from-environment',
    });
  });
});
