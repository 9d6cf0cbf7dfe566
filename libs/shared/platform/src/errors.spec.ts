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

  it('maps a lock that could not be had (wait timeout, or a deadlock past its retries) to 503 BUSY, naming no table', () => {
    for (const code of ['ER_LOCK_WAIT_TIMEOUT', 'ER_LOCK_DEADLOCK']) {
      const wrapped = Object.assign(new Error('Lock wait timeout exceeded; try restarting transaction: SELECT * FROM secret FOR UPDATE'), { driverError: { code } });
      const out = toErrorBody(wrapped);
      expect(out).toMatchObject({ status: 503, body: { code: 'BUSY', details: [] } });
      expect(JSON.stringify(out.body)).not.toContain('secret');
    }
  });
});
