import { DomainError, parseMoney } from '@cws/kernel';
import { defaultPolicy } from './default-policy';
import { growth, mergePaid, paidThroughMonth, projectWorkforce, type PaidWorkerMonth, type ProjectionSnapshot } from './workforce-projection';

const policy = defaultPolicy(2026);

const worker = (over: Partial<ProjectionSnapshot> = {}): ProjectionSnapshot => ({
  workerId: 1, districtCode: '330106', streetCode: '330106001', communityCode: '330106001001', employmentType: 'FULL_TIME',
  postBand: 'OTHER', education: 'BACHELOR', hireDate: '2020-03-01', qualificationLevel: 'SOCIAL_WORKER', bodiesHeld: 2, secondment: null, ...over,
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
      projectWorkforce([worker({ education: 'PHD' })], policy);
      throw new Error('expected an error');
    } catch (e) {
      expect((e as DomainError).code).toBe('POLICY_DOES_NOT_COVER_WORKFORCE');
      expect((e as DomainError).details[0].path).toBe('ENTRY_GRADE:OTHER:PHD');
    }
  });
});

const paidMonth = (over: Partial<PaidWorkerMonth> & { month: number; gross: string }): PaidWorkerMonth => ({
  workerId: '1', districtCode: '330106', streetCode: '330106001', communityCode: '330106001001', hireDate: '2020-03-01', leftDate: null,
  secondedIn: false, secondedOutPaidBy: null, grossFen: parseMoney(over.gross), variableFen: 0n, ...over,
});

describe('who counts, for how long, with what pay (counter-examples to the frozen 1 January workforce)', () => {
  const unit = policy.payScale.unitValueFen;

  it('a March hire counts ½ for March (hired on the 16th), then whole months; paid months are what was paid', () => {
    const snap = worker({ hireDate: '2026-03-16', qualificationLevel: 'NONE', bodiesHeld: 1 });
    const paid = { paidThrough: 4, months: [paidMonth({ month: 3, gross: '2000.00', hireDate: '2026-03-16' }), paidMonth({ month: 4, gross: '4100.00', hireDate: '2026-03-16' })] };
    const [p] = mergePaid(projectWorkforce([snap], policy), paid, 2026);
    expect(p.worker.headcountMonths).toBe(9.5);
    expect(p.employmentByMonth.slice(1, 5)).toEqual([0, 0, 0.5, 1]);
    // May–December projected at grade 3 (1.20), paid months as paid.
    expect(p.worker.segments).toEqual([{ coefficient: '1.20', months: 8 }]);
    expect(p.worker.fixedAnnualFen).toBe(parseMoney('6100.00'));
    expect(paidThroughMonth(p, unit, 4)).toEqual({ paid: parseMoney('6100.00'), months: 1.5 });
  });

  it('a March leaver (gone from the snapshot) counts 2½ months with the pay of January to March, not 12 projected months', () => {
    const paid = { paidThrough: 4, months: [1, 2, 3].map((m) => paidMonth({ workerId: '7', month: m, gross: m === 3 ? '2500.00' : '5000.00', leftDate: '2026-03-15' })) };
    const stayer = projectWorkforce([worker()], policy);
    const all = mergePaid(stayer, paid, 2026);
    const leaver = all.find((w) => w.worker.id === '7')!;
    expect(leaver.worker.headcountMonths).toBe(2.5);
    expect(leaver.worker.segments).toEqual([]);
    expect(leaver.worker.fixedAnnualFen).toBe(parseMoney('12500.00'));
    // The stayer had no paid rows for January–April: those months count nothing for them (no run paid them).
    expect(all.find((w) => w.worker.id === '1')!.worker.headcountMonths).toBe(8);
  });

  it('a seconded-in cadre is not counted, neither projected nor paid; a host-paid secondee is not counted while seconded', () => {
    expect(projectWorkforce([worker({ employmentType: 'SECONDED_IN' })], policy)).toEqual([]);
    const paid = { paidThrough: 1, months: [paidMonth({ month: 1, gross: '800.00', secondedIn: true })] };
    expect(mergePaid([], paid, 2026)).toEqual([]);
    const out = worker({ workerId: 3, secondment: { direction: 'OUT', payer: 'HOST', from: '2026-01-01', to: '2026-06-30' } });
    const home = worker({ workerId: 4, secondment: { direction: 'OUT', payer: 'HOME', from: '2026-01-01', to: null } });
    const [host, ours] = projectWorkforce([out, home], policy);
    expect(host.worker.headcountMonths).toBe(6);
    expect(host.coefficientByMonth.slice(1, 7)).toEqual([null, null, null, null, null, null]);
    expect(ours.worker.headcountMonths).toBe(12);
  });

  it('a paid bonus, overtime and shift pay are in the total; overtime and shifts so far carry into the projected months', () => {
    const months = [1, 2].map((m) => paidMonth({ month: m, gross: m === 2 ? '36000.00' : '6000.00', variableFen: parseMoney('300.00') }));
    const [p] = mergePaid(projectWorkforce([worker()], policy), { paidThrough: 2, months }, 2026);
    const [without] = projectWorkforce([worker()], policy);
    expect(p.paidByMonth[2]).toBe(parseMoney('36000.00'));
    // March onwards: the projection's fixed pay plus the 300.00 average variable pay.
    expect(p.fixedByMonth[3]).toBe(without.fixedByMonth[3] + parseMoney('300.00'));
    expect(p.worker.fixedAnnualFen).toBe(parseMoney('42000.00') + without.fixedByMonth.slice(3).reduce((a, b) => a + b, 0n) + 10n * parseMoney('300.00'));
  });
});

describe('helpers', () => {
  it('growth as a six-place fraction', () => {
    expect(growth(parseMoney('175535.85'), parseMoney('167177.00'))).toBe('0.050000');
    expect(growth(parseMoney('90.00'), parseMoney('100.00'))).toBe('-0.100000');
  });
});
