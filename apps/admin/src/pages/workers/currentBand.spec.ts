import { describe, expect, it } from 'vitest';
import type { PostRow } from '../../api/types';
import { currentBand } from './WorkerDetailPage';

const post = (p: Partial<PostRow>): PostRow => ({
  id: 1, bodyKind: 'STATION', role: 'STAFF', band: 'OTHER', isPrimary: false, obtainedBy: 'APPOINTMENT', from: '2020-01-01', to: null, endReason: null, communityCode: '330106001001', electionId: null, termEnd: null, ...p,
});

describe('currentBand (the detail has no band column: the UI derives it like the snapshot does)', () => {
  it('takes the open primary post’s band, else the best band held, else none', () => {
    expect(currentBand([post({ band: 'HEAD', isPrimary: false, role: 'SECRETARY', bodyKind: 'PARTY' }), post({ isPrimary: true })], '2026-01-01')).toBe('OTHER');
    expect(currentBand([post({ band: 'DEPUTY' }), post({ band: 'OTHER' })], '2026-01-01')).toBe('DEPUTY');
    expect(currentBand([post({ band: 'HEAD', to: '2025-12-31', isPrimary: true })], '2026-01-01')).toBeNull();
    expect(currentBand([post({ band: 'HEAD', from: '2026-02-01', isPrimary: true })], '2026-01-01')).toBeNull();
    expect(currentBand(undefined)).toBeNull();
  });
});
