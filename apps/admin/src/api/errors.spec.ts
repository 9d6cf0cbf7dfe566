import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors } from './errors';

describe('fieldErrors', () => {
  it('maps dotted and indexed paths to Antd field names, grouping issues per field', () => {
    const err = new ApiError(400, 'VALIDATION', 'bad', [
      { path: 'months[0].gross', issue: 'must be a decimal string' },
      { path: 'bonus.amount', issue: 'is required' },
      { path: 'bonus.amount', issue: 'must be positive' },
    ]);
    expect(fieldErrors(err)).toEqual([
      { name: ['months', 0, 'gross'], errors: ['must be a decimal string'] },
      { name: ['bonus', 'amount'], errors: ['is required', 'must be positive'] },
    ]);
    expect(fieldErrors(new Error('x'))).toEqual([]);
  });
});
