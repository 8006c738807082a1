import { masksContacts } from '@revops/core';
import type { Principal } from '@revops/core';

const as = (role: string): Principal => ({ keyId: '1', name: 'k', role: role as Principal['role'] }); // prettier-ignore

describe('masksContacts', () => {
  it('shows contacts to engineers and admins only', () => {
    expect(masksContacts(as('engineer'))).toBe(false);
    expect(masksContacts(as('admin'))).toBe(false);
    expect(masksContacts(as('analyst'))).toBe(true);
  });

  it('masks for no caller and for a role it does not know (closed by default)', () => {
    expect(masksContacts(undefined)).toBe(true);
    expect(masksContacts(as('auditor'))).toBe(true);
  });
});
