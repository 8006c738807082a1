import { redact, redactText, REDACTED } from '@revops/core';

describe('redact', () => {
  it('masks values of secret-looking keys at any depth', () => {
    const masked = redact({
      user: 'ana',
      password: 'p4ss',
      nested: { apiKey: 'abc', headers: { authorization: 'Bearer xyz' } },
    });
    expect(masked).toEqual({
      user: 'ana',
      password: REDACTED,
      nested: { apiKey: REDACTED, headers: { authorization: REDACTED } },
    });
  });

  it('masks passwords inside connection URLs, bearer tokens and API keys in text', () => {
    expect(redactText('connect postgres://app:s3cret@db:5432/x failed')).toBe(
      `connect postgres://app:${REDACTED}@db:5432/x failed`,
    );
    expect(redactText('header Bearer abc.def-ghi')).toBe(`header Bearer ${REDACTED}`);
    expect(redactText('key rvo_abcd1234_QWERTYUIOPasdfghjkl was used')).toBe(
      `key ${REDACTED} was used`,
    );
  });

  it('leaves ordinary values alone', () => {
    expect(redact({ rows: 3, source: 'odoo' })).toEqual({ rows: 3, source: 'odoo' });
  });
});
