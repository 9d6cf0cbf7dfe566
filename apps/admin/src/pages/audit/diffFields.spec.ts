import { describe, expect, it } from 'vitest';
import { diffFields } from './AuditPage';

describe('diffFields (the audit row’s readable before/after)', () => {
  it('lists every field once, changed ones first, and treats a create (no before) as all changed', () => {
    expect(diffFields({ name: '甲', phone: '1', version: 1 }, { name: '乙', phone: '1', version: 2 })).toEqual([
      { field: 'name', before: '甲', after: '乙', changed: true },
      { field: 'version', before: 1, after: 2, changed: true },
      { field: 'phone', before: '1', after: '1', changed: false },
    ]);
    expect(diffFields(null, { clientId: 'x' })).toEqual([{ field: 'clientId', before: undefined, after: 'x', changed: true }]);
    expect(diffFields({ tags: ['a'] }, { tags: ['a'] })[0].changed).toBe(false);
  });
});
