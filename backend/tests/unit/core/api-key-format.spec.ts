import { bearerToken, generateApiKey, hashApiKey, looksLikeApiKey } from '@revops/core';

describe('API key format', () => {
  it('generates distinct keys whose hash is stable and does not contain the key', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).not.toBe(b.key);
    expect(a.key.startsWith(`${a.prefix}_`)).toBe(true);
    expect(looksLikeApiKey(a.key)).toBe(true);
    expect(hashApiKey(a.key)).toBe(a.hash);
    expect(a.hash).not.toContain(a.key.slice(13));
  });

  it('reads the token of a Bearer header only', () => {
    expect(bearerToken('Bearer rvo_x')).toBe('rvo_x');
    expect(bearerToken('bearer   rvo_x ')).toBe('rvo_x');
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });

  it('rejects strings that are not keys', () => {
    expect(looksLikeApiKey('rvo_short')).toBe(false);
    expect(looksLikeApiKey("' OR 1=1 --")).toBe(false);
  });
});
