// The engine's buildPolicy (@cws/payroll-engine) over this service's demo policy rows: the seed and the builder must agree.
import { DomainError, parseMoney } from '@cws/kernel';
import { applicableRows, buildPolicy, computeWorkerMonth, contributionReferenceYear, defaultPolicy, type StoredPolicyRow } from '@cws/payroll-engine';
import { policyFromJson, policyToJson } from '../runs/frozen-policy';
import { EDUCATION_LEVELS, QUALIFICATION_LEVELS } from '@cws/workers-contracts';
import { demoPolicyRows } from '../seed/seed';
import { keyOf } from './policy-data.dto';

function rows(): StoredPolicyRow[] {
  return demoPolicyRows().map((r, i) => ({ id: String(i + 1), kind: r.kind, key: keyOf(r.kind, r.data), validFrom: r.validFrom, validTo: r.validTo, data: r.data, sourceRef: r.sourceRef }));
}

describe('buildPolicy', () => {
  it('rebuilds the engine demo policy for a seeded year from rows', () => {
    const p = buildPolicy(rows(), 2026);
    const d = defaultPolicy(2026);
    expect(p.payScale.unitValueFen).toBe(d.payScale.unitValueFen);
    expect(p.payScale.grades.map((g) => g.coefficient)).toEqual(d.payScale.grades.map((g) => g.coefficient));
    expect(p.insurance.map((i) => [i.code, i.validFrom, i.employerRate, i.baseCeilingFen])).toEqual(d.insurance.map((i) => [i.code, '2026-01', i.employerRate, i.baseCeilingFen]));
    expect(p.cityWages.map((w) => [w.year, w.annualFen])).toEqual(d.cityWages.map((w) => [w.year, w.annualFen]));
    expect(p.tax.brackets.map((b) => [b.upToFen, b.rate, b.quickDeductionFen])).toEqual(d.tax.brackets.map((b) => [b.upToFen, b.rate, b.quickDeductionFen]));
    expect(p.bonusTax.validUntil).toBe('2027-12-31');
    expect(p.illustrative).toBe(true);
  });

  it('speaks the workers register vocabulary: an entry grade for every band × education, an allowance for every qualification', () => {
    for (const policy of [defaultPolicy(2026), buildPolicy(rows(), 2026)]) {
      const entry = policy.entryGrade.rows.map((r) => `${r.band}:${r.education}`).sort();
      expect(entry).toEqual(['HEAD', 'DEPUTY', 'OTHER'].flatMap((b) => EDUCATION_LEVELS.map((e) => `${b}:${e}`)).sort());
      const qual = policy.allowances.find((a) => a.kind === 'QUALIFICATION');
      expect(qual?.kind === 'QUALIFICATION' && qual.levels.map((l) => l.level)).toEqual(QUALIFICATION_LEVELS.filter((l) => l !== 'NONE'));
    }
  });

  it('gives the same pay as the engine demo policy for a worker-month', () => {
    const input = { workerId: 'w', year: 2025, month: 5, band: 'HEAD' as const, grade: 9, serviceStartDate: '2010-03-01', extraBodies: 1, contributionBaseFen: parseMoney('9000.00') };
    const ours = computeWorkerMonth(input, buildPolicy(rows(), 2025));
    const theirs = computeWorkerMonth(input, defaultPolicy(2025));
    expect([ours.gross, ours.employeeContributions, ours.tax, ours.net]).toEqual([theirs.gross, theirs.employeeContributions, theirs.tax, theirs.net]);
  });

  it('seeds a demo started in a later year through that year: its unit value, insurance and the city wage of the year before', () => {
    const later = demoPolicyRows(2027).map((r, i) => ({ id: String(i + 1), kind: r.kind, key: keyOf(r.kind, r.data), validFrom: r.validFrom, validTo: r.validTo, data: r.data, sourceRef: r.sourceRef }));
    const p = buildPolicy(later, 2027);
    const d = defaultPolicy(2027);
    expect(p.payScale.unitValueFen).toBe(d.payScale.unitValueFen);
    expect(p.insurance.map((i) => [i.code, i.validFrom])).toEqual(d.insurance.map((i) => [i.code, '2027-01']));
    expect(p.cityWages.map((w) => w.year)).toContain(2026);
    // the 2026 insurance rows now end with their year; 2026 builds as before
    expect(later.filter((r) => r.kind === 'INSURANCE' && r.validFrom === '2026-01-01').every((r) => r.validTo === '2026-12-31')).toBe(true);
    expect(buildPolicy(later, 2026).payScale.unitValueFen).toBe(buildPolicy(rows(), 2026).payScale.unitValueFen);
    // never earlier than the year the demo was written for
    expect(demoPolicyRows(2020)).toEqual(demoPolicyRows());
  });

  it('names every table with no row in force (422 POLICY_INCOMPLETE)', () => {
    try {
      buildPolicy(rows().filter((r) => r.kind !== 'OVERTIME'), 2027);
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('POLICY_INCOMPLETE');
      expect((e as DomainError).details.map((d) => d.path)).toEqual(['UNIT_VALUE:2027', 'OVERTIME']);
    }
  });

  it('applies an insurance base switch in its month, and ignores a row superseded before it took effect', () => {
    const all = rows();
    const pension = all.find((r) => r.kind === 'INSURANCE' && r.key === 'PENSION' && r.validTo === null)!;
    pension.validTo = '2026-06-30';
    all.push({ ...pension, id: 'new', validFrom: '2026-07-01', validTo: null, data: { ...pension.data, baseCeiling: '30000.00' } });
    all.push({ ...pension, id: 'withdrawn', validFrom: '2026-05-01', validTo: '2026-04-30', data: { ...pension.data, employeeRate: '0.5' } });
    const p = buildPolicy(all, 2026);
    expect(p.insurance.filter((i) => i.code === 'PENSION').map((i) => [i.id, i.validFrom])).toEqual([[pension.id, '2026-01'], ['new', '2026-07']]);
    const month = (m: number) => computeWorkerMonth({ workerId: 'w', year: 2026, month: m, band: 'OTHER', grade: 5, serviceStartDate: '2020-01-01', contributionBaseFen: parseMoney('40000.00') }, p);
    const pensionOf = (r: ReturnType<typeof month>) => r.lines.find((l) => l.kind === 'EMPLOYEE_CONTRIBUTION' && l.code === 'PENSION')!.amount;
    const oldCeiling = p.insurance.find((i) => i.id === pension.id)!.baseCeilingFen;
    expect(pensionOf(month(6))).toBe((oldCeiling * 8n + 50n) / 100n); // 8 % of the old ceiling, half up
    expect(pensionOf(month(7))).toBe(parseMoney('2400.00'));
  });

  it('keeps the month a row from an earlier year started in: the contribution base’s switch month', () => {
    // A July-switching city: the pension row in force from 2025-07, the next from 2026-07.
    const all = rows();
    const pension = all.find((r) => r.kind === 'INSURANCE' && r.key === 'PENSION' && r.validTo === null)!;
    pension.validFrom = '2025-07-01';
    pension.validTo = '2026-06-30';
    all.push({ ...pension, id: 'next', validFrom: '2026-07-01', validTo: null });
    const p = buildPolicy(all, 2026);
    expect(p.insurance.filter((i) => i.code === 'PENSION').map((i) => [i.validFrom, i.startedIn])).toEqual([['2026-01', '2025-07'], ['2026-07', undefined]]);
    expect(['2026-03', '2026-06', '2026-07', '2026-12'].map((m) => contributionReferenceYear(m, p))).toEqual([2024, 2024, 2025, 2025]);
    // the frozen policy of a run keeps it too
    expect(contributionReferenceYear('2026-03', policyFromJson(policyToJson(p)))).toBe(2024);
  });

  it('takes the open row of a year-keyed kind whatever the date, other kinds as of the date', () => {
    const all = rows();
    const w = all.find((r) => r.kind === 'CITY_WAGE' && r.key === '2025')!;
    w.validTo = '2026-06-30';
    all.push({ ...w, id: 'corrected', validFrom: '2026-07-01', validTo: null, data: { ...w.data, annual: '180000.00' } });
    expect(buildPolicy(all, 2026).cityWages.find((c) => c.year === 2025)!.annualFen).toBe(parseMoney('180000.00'));
    const picked = applicableRows(all, 2026, '2026-01-01').filter((r) => r.kind === 'CITY_WAGE').map((r) => r.id);
    expect(picked).toContain('corrected');
    expect(picked).not.toContain(w.id);
  });
});
