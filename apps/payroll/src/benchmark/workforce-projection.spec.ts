import { DomainError, parseMoney } from '@cws/kernel';
import type { WorkerSnapshot } from '@cws/workers-contracts';
import { buildPolicy, type StoredPolicyRow } from '../policy/policy-builder';
import { keyOf } from '../policy/policy-data.dto';
import { demoPolicyRows } from '../seed/seed';
import { monthsCompleted } from './benchmark.service';
import { growth, paidThroughMonth, projectWorkforce } from './workforce-projection';

const policy = buildPolicy(
  demoPolicyRows().map((r, i): StoredPolicyRow => ({ id: String(i + 1), kind: r.kind, key: keyOf(r.kind, r.data), validFrom: r.validFrom, validTo: r.validTo, data: r.data, sourceRef: r.sourceRef })),
  2026,
);

const worker = (over: Partial<WorkerSnapshot> = {}): WorkerSnapshot => ({
  workerId: 1, name: '测试', districtCode: '330106', streetCode: '330106001', communityCode: '330106001001', employmentType: 'FULL_TIME', status: 'ACTIVE',
  postBand: 'OTHER', education: 'BACHELOR', hireDate: '2020-03-01', serviceYears: 5, qualificationLevel: 'SOCIAL_WORKER', appointments: [], bodiesHeld: 2,
  secondment: null, bankAccount: null, ...over,
});

describe('projectWorkforce', () => {
  it('steps the grade up at the service anniversary and projects allowances month by month', () => {
    const [p] = projectWorkforce([worker()], policy);
    // OTHER + BACHELOR starts at grade 3; 5 years → grade 4 (1.30) in Jan–Feb, 6 years from March → grade 5 (1.40).
    expect(p.worker.segments).toEqual([{ coefficient: '1.30', months: 2 }, { coefficient: '1.40', months: 10 }]);
    // 400 qualification + 300 long service (≥ 5 years) + 200 for one extra body, every month.
    expect(p.worker.fixedAnnualFen).toBe(parseMoney('10800.00'));
    const unit = policy.payScale.unitValueFen;
    expect(paidThroughMonth(p, unit, 2).paid).toBe(2n * ((unit * 130n + 50n) / 100n) + parseMoney('1800.00'));
  });

  it('counts a worker hired during the year from the hire month, and caps the grade at the band top', () => {
    const [hired, veteran] = projectWorkforce([worker({ hireDate: '2026-04-15', qualificationLevel: 'NONE', bodiesHeld: 1 }), worker({ workerId: 2, hireDate: '1990-01-01' })], policy);
    expect(hired.worker.segments).toEqual([{ coefficient: '1.20', months: 9 }]);
    expect(hired.worker.fixedAnnualFen).toBe(0n);
    expect(veteran.worker.segments).toEqual([{ coefficient: '2.10', months: 12 }]);
  });

  it('names the entry-grade row the policy lacks (422)', () => {
    try {
      projectWorkforce([worker({ education: 'PHD' as WorkerSnapshot['education'] })], policy);
      throw new Error('expected an error');
    } catch (e) {
      expect((e as DomainError).code).toBe('POLICY_DOES_NOT_COVER_WORKFORCE');
      expect((e as DomainError).details[0].path).toBe('ENTRY_GRADE:OTHER:PHD');
    }
  });
});

describe('helpers', () => {
  it('growth as a six-place fraction, months completed by a date', () => {
    expect(growth(parseMoney('175535.85'), parseMoney('167177.00'))).toBe('0.050000');
    expect(growth(parseMoney('90.00'), parseMoney('100.00'))).toBe('-0.100000');
    expect(monthsCompleted('2026-06-30', 2026)).toBe(6);
    expect(monthsCompleted('2026-06-29', 2026)).toBe(5);
    expect(monthsCompleted('2026-01-01', 2026)).toBe(0);
    expect(monthsCompleted('2026-12-31', 2026)).toBe(12);
  });
});
