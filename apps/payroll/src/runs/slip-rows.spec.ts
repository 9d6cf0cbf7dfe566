import { parseMoney } from '@cws/kernel';
import type { SettledSlip } from './payslip.repository';
import { wageRecordOf } from './slip-rows';

const slip = (period: string, gross: string, over: Partial<SettledSlip> = {}): SettledSlip => ({
  workerId: 1, period, runType: 'REGULAR', slipKind: 'REGULAR', taxState: null, recoveryCarried: '0.00', gross, payer: 'HOME', proRated: false, ...over,
});

describe('wageRecordOf: the wages a contribution base is averaged from (DOMAIN.md §3)', () => {
  it('the reference year: every settled gross, over the months with a regular slip paid here', () => {
    const history = [
      slip('2025-03', '5000.00', { proRated: true }), // a pro-rated month still counts as a month
      slip('2025-04', '6000.00'),
      slip('2025-05', '0.00', { payer: 'HOST' }), // a month a host paid: no month here
      slip('2025-12', '12000.00', { runType: 'BONUS' }), // the bonus is wages, not a month
      slip('2025-04', '-6000.00', { runType: 'CORRECTION', slipKind: 'REVERSAL' }), // a correction nets out …
      slip('2025-04', '6500.00', { runType: 'CORRECTION', slipKind: 'REISSUE' }), // … to the re-issued gross
      slip('2024-12', '9999.99'), // another year
      slip('2026-01', '7000.00'),
    ];
    expect(wageRecordOf(history, 2025, '2026-02')).toEqual({ wagesFen: parseMoney('23500.00'), months: 2, firstFullMonthFen: null });
  });

  it('a newcomer: the earliest full month after the reference year and before the period', () => {
    const history = [
      slip('2026-02', '6100.00'),
      slip('2026-01', '3000.00', { proRated: true }), // the hiring month, pro-rated: not full
      slip('2026-03', '6200.00'),
      slip('2026-01', '800.00', { runType: 'BONUS' }),
    ];
    expect(wageRecordOf(history, 2025, '2026-04')).toEqual({ wagesFen: 0n, months: 0, firstFullMonthFen: parseMoney('6100.00') });
    // A correction of February re-issues from what came before February: no full month yet.
    expect(wageRecordOf(history, 2025, '2026-02').firstFullMonthFen).toBeNull();
    expect(wageRecordOf([], 2025, '2026-04')).toEqual({ wagesFen: 0n, months: 0, firstFullMonthFen: null });
  });
});
