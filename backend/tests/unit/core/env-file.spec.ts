import { envFileAdditions, loadEnvFile } from '@revops/core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
