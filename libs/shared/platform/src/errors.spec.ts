import type { ValidationError } from '@nestjs/common';

const v = (e: Partial<ValidationError>): ValidationError => ({ children: [], ...e }) as ValidationError;
import { DomainError } from '@cws/kernel';
import { flattenValidationErrors, toErrorBody } from './errors';

describe('error mapping', () => {
  it('flattens nested validation errors to field paths', () => {
    const months = v({
      property: 'months',
      children: [
        v({
          property: '1',
          children: [v({ property: 'gross', constraints: { matches: 'gross must be a decimal' }, children: [] })],
        }),
      ],
    });
    const unknown = v({ property: 'admin', constraints: { whitelistValidation: 'x' }, children: [] });
    expect(flattenValidationErrors([months, unknown])).toEqual([
      { path: 'months[1].gross', issue: 'gross must be a decimal' },
      { path: 'admin', issue: 'is not an allowed field' },
    ]);
  });

  it('maps domain errors by kind and hides internal errors', () => {
    expect(toErrorBody(new DomainError('CONFLICT', 'PERIOD_LOCKED', 'locked', [], { period: '2026-01' }))).toMatchObject({
      status: 409,
      body: { code: 'PERIOD_LOCKED', message: 'locked', details: [], period: '2026-01' },
    });
    const internal = toErrorBody(new Error('SELECT * FROM secret'));
    expect(internal.status).toBe(500);
    expect(JSON.stringify(internal.body)).not.toContain('secret');
  });
});
